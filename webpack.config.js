/* eslint-disable no-undef */
// Builds the add-in as static files only (closed administrative networks: nothing loads off the add-in's
// own origin). office.js and the host files it loads at run time are copied from @microsoft/office-js.
// ADDIN_BASE_URL (e.g. https://intranet.example/kusei/) rewrites the dev URL in the copied manifest.
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_BASE_URL = "https://localhost:3000/";

function baseUrl() {
  const url = process.env.ADDIN_BASE_URL || DEV_BASE_URL;
  return url.endsWith("/") ? url : `${url}/`;
}

/** The manifest as shipped: every dev URL replaced by the deployment base URL. */
function rewriteManifest(content) {
  return content.toString().split(DEV_BASE_URL).join(baseUrl());
}

// office.js fetches host-specific scripts and locale strings next to itself; ship only Excel's and ja/en.
const officeJsFiles = [
  "office.js",
  "office.debug.js",
  "o15apptofilemappingtable.js",
  "o15apptofilemappingtable.debug.js",
  "excel-*.js",
  "excelwebapp-*.js",
  "excelios-*.js",
  "es6-promise.js",
  "ja-jp/**",
  "en-us/**",
];

module.exports = (env, argv) => {
  const dev = argv.mode === "development";
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      publicPath: "",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // ES modules for tree shaking and lazy chunks; the repo tsconfig targets Node (CommonJS).
            options: { compilerOptions: { module: "es2022", moduleResolution: "bundler", noEmit: false } },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml", transform: rewriteManifest },
          ...officeJsFiles.map((from) => ({
            from,
            context: path.resolve(__dirname, "node_modules/@microsoft/office-js/dist"),
            to: "office-js/",
            noErrorOnMissing: from.includes("*"),
          })),
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      static: { directory: path.resolve(__dirname, "dist") },
      port: 3000,
      server: "https",
      headers: { "Access-Control-Allow-Origin": "*" },
    },
  };
};

module.exports.rewriteManifest = rewriteManifest;

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
    // The support matrix's oldest web views: WebView2 (Chromium) on Windows, Safari 16.4+ (WKWebView) on Mac
    // (README). Both run ES2022 — class static blocks and regex lookbehind included — so webpack's own runtime
    // code stays within ES2022; test/e2e/bundle.test.ts checks the built files with es-check.
    target: ["web", "es2022"],
    // Rebuilds reuse node_modules/.cache/webpack (the first build on this 2-CPU machine takes minutes).
    cache: { type: "filesystem", buildDependencies: { config: [__filename] } },
    entry: {
      // taskpane.html is also the shared runtime's page (manifest <Runtimes>, FunctionFile): its bundle carries
      // the ribbon's commands too, in one chunk so the code both use is there once ("Configure your Office
      // Add-in to use a shared runtime",
      // https://learn.microsoft.com/office/dev/add-ins/develop/configure-your-add-in-to-use-a-shared-runtime,
      // loads the commands into taskpane.html).
      taskpane: ["./src/taskpane/index.tsx", "./src/commands/commands.ts"],
      // commands.html: the dialog that shows a ribbon command's outcome
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      publicPath: "",
      clean: true,
    },
    // extensionAlias: dynamic import() needs a file extension under TypeScript's node16 resolution.
    // .mts: src/taskpane/engine/spawn.mts, the one ES module file (it holds the worker's import.meta.url).
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      extensionAlias: { ".js": [".ts", ".tsx", ".js"], ".mjs": [".mts", ".mjs"] },
    },
    module: {
      rules: [
        // The core is pure, and the use cases and the report are functions only: importing one of their
        // modules does nothing but define it. Said so, webpack leaves out every module no used function
        // refers to — the pane's first chunk then carries none of the core's evaluation, which runs in the
        // engine's Web Worker (src/app/evaluate-here.ts).
        { test: /[\\/]src[\\/](core|app|report)[\\/]/, sideEffects: false },
        {
          test: /\.(tsx?|mts)$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // ES modules for tree shaking and lazy chunks; the repo tsconfig targets Node (CommonJS).
            // transpileOnly: `npm run typecheck` is the type gate; the bundle build stays fast and does not
            // depend on every other file of the tree compiling at the same moment.
            // configFile: the repo's tsconfig, always. Without it ts-loader takes the tsconfig nearest to the first
            // file it compiles, which with the filesystem cache can be src/core/tsconfig.json (rootDir src/core).
            options: {
              configFile: path.resolve(__dirname, "tsconfig.json"),
              transpileOnly: true,
              compilerOptions: { module: "es2022", moduleResolution: "bundler", noEmit: false },
            },
          },
        },
      ],
    },
    plugins: [
      // Blocking scripts at the end of <body>: a deferred function file is linked to ribbon buttons that need a
      // second click (OfficeDev/office-js#2744).
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        scriptLoading: "blocking",
      }),
      // The dialog that shows a ribbon command's outcome (commands.html?message=…).
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        scriptLoading: "blocking",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // the manifest's SupportUrl
          { from: "assets/support.html", to: "support.html" },
          // office.js's licence travels with it (it forbids modifying the files, which are copied as they are).
          { from: "node_modules/@microsoft/office-js/LICENSE.md", to: "office-js/LICENSE.md" },
          { from: "manifest.xml", to: "manifest.xml", transform: rewriteManifest },
          ...officeJsFiles.map((from) => ({
            from,
            context: path.resolve(__dirname, "node_modules/@microsoft/office-js/dist"),
            to: "office-js/",
            noErrorOnMissing: from.includes("*"),
            // Microsoft's licence forbids modifying office.js, and terser over its 17 MB was most of the
            // production build's time: marked as minimized, the files are copied byte for byte.
            info: { minimized: true },
          })),
        ],
      }),
    ],
    // Keep each lazy chunk whole (exceljs inside the xlsx chunk), so standalone mode loads one file and
    // `npm run size` can name it.
    optimization: {
      splitChunks: { chunks: "async", cacheGroups: { default: false, defaultVendors: false } },
    },
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

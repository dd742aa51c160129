// Bundles fake-office/entry.ts for the browser (webpack + ts-loader, like the add-in itself).
import path from "path";
import webpack from "webpack";

/** Builds the fake office.js into outDir and returns its path. */
export function buildFakeOffice(outDir: string): Promise<string> {
  const compiler = webpack({
    mode: "development",
    devtool: false,
    entry: path.join(__dirname, "entry.ts"),
    output: { path: outDir, filename: "fake-office.js" },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              compilerOptions: { module: "es2022", moduleResolution: "bundler", noEmit: false },
            },
          },
        },
      ],
    },
  });
  return new Promise((resolve, reject) =>
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err) reject(err);
      else if (!stats || stats.hasErrors())
        reject(new Error(stats?.toString("errors-only") ?? "webpack failed"));
      else resolve(path.join(outDir, "fake-office.js"));
    }),
  );
}

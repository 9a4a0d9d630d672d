/* eslint-disable no-undef */
const webpack = require("webpack");
// The task pane's browser build, laid out as in Microsoft's Office-Addin-TaskPane-React template.
//
//   npm run build        webpack --mode production  → dist/ (no certificates needed)
//   npm run build:dev    webpack --mode development (source maps)
//   npm run dev-server   https://localhost:3000/ with office-addin-dev-certs certificates
//   npm start            office-addin-debugging start manifest.xml (sideloads, starts the server)
//
// ADDIN_URL: where dist/ is deployed (https, e.g. https://addins.example.gov.cn/hotline/). In a
// production build every https://localhost:3000/ in manifest*.xml is replaced by it (and a bare
// https://localhost:3000, the AppDomain, by its origin). Unset: the manifest keeps localhost.
//
// Entries: "taskpane" (src/taskpane/index.tsx, injected into taskpane.html) and "engine.worker"
// (the audit engine's Web Worker, emitted as a fixed engine.worker.js next to taskpane.html, where
// src/taskpane/engine/worker-factory.ts loads it). A worker written as
// `new Worker(new URL("./x.ts", import.meta.url))` needs no entry: webpack bundles it as its own
// chunk (tsconfig.pane.json keeps ES modules for that).
//
// exceljs: `import ExcelJS from "exceljs"` resolves to exceljs's prebuilt browser bundle without
// polyfills (dist/exceljs.bare.min.js, alias below) instead of the "browser" field's
// dist/exceljs.min.js, which carries core-js and regenerator polyfills our ES2022 build does not
// need. The bundle is self-contained (it brings its own Buffer, stream and zip code), so webpack
// does not parse it (noParse) and no Node built-in fallbacks are needed.

const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const urlDev = "https://localhost:3000/";
const originDev = "https://localhost:3000";

/** ADDIN_URL with a trailing slash, or undefined when unset; anything but https is an error. */
function productionUrl() {
  const raw = (process.env.ADDIN_URL || "").trim();
  if (!raw) return undefined;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_URL is not a URL: ${raw}`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`ADDIN_URL must be https (Office loads add-ins only over https): ${raw}`);
  }
  const href = url.href.endsWith("/") ? url.href : `${url.href}/`;
  return { href, origin: url.origin };
}

/**
 * Lowers every emitted script to ES2017 syntax with esbuild (already a dependency): the code of
 * our own and of node_modules (React, Fluent UI, zod and fflate ship `?.`, `??`, class fields and
 * `static {}` blocks). Office 2019 and Office 2021 on Windows 10 run the pane in EdgeHTML 18 (Edge
 * Legacy), which parses ES2017 but not those. It runs before minification, so terser sees ES2017
 * and keeps to it. test/e2e/weight.e2e.test.ts parses the built scripts as ES2017.
 */
class Es2017Plugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("Es2017Plugin", (compilation) => {
      compilation.hooks.processAssets.tapPromise(
        { name: "Es2017Plugin", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_COMPATIBILITY },
        async (assets) => {
          const esbuild = require("esbuild");
          for (const name of Object.keys(assets)) {
            if (!name.endsWith(".js")) continue;
            const code = assets[name].source().toString();
            const out = await esbuild.transform(code, {
              loader: "js",
              target: "es2017",
              legalComments: "none",
            });
            compilation.updateAsset(name, new sources.RawSource(out.code));
          }
        }
      );
    });
  }
}

async function getHttpsOptions() {
  // only when serving: loads (and on first use creates and installs) the localhost certificates
  const devCerts = require("office-addin-dev-certs");
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const prodUrl = dev ? undefined : productionUrl();

  const config = {
    // ES2017 output: webpack's own runtime code, and terser keeps to it when minifying (it would
    // otherwise write `??` back); Es2017Plugin lowers the modules' code
    target: ["web", "es2017"],
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: ["./src/taskpane/index.tsx"],
      // the audit engine's Web Worker, loaded by src/taskpane/engine/worker-factory.ts as
      // "engine.worker.js" next to taskpane.html: a fixed name, and importScripts for any chunk
      // it splits off (a worker has no document for script tags)
      "engine.worker": {
        import: "./src/taskpane/engine/engine.worker.ts",
        filename: "engine.worker.js",
        chunkLoading: "import-scripts",
      },
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      devtoolModuleFilenameTemplate: "webpack:///[resource-path]?[loaders]",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      alias: {
        exceljs$: require.resolve("exceljs/dist/exceljs.bare.min.js"),
      },
    },
    module: {
      // prebuilt browserify bundle: nothing in it for webpack to resolve
      noParse: /[\\/]exceljs[\\/]dist[\\/]exceljs(\.bare)?(\.min)?\.js$/,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              configFile: path.resolve(__dirname, "tsconfig.pane.json"),
            },
          },
        },
      ],
    },
    plugins: [
      new Es2017Plugin(),
      // the worker has a fixed file name: a build id in its URL keeps a webview's cache from
      // pairing a new pane with an old worker after a redeploy
      new webpack.DefinePlugin({
        __ENGINE_WORKER_VERSION__: JSON.stringify(
          `${require("./package.json").version}-${Date.now().toString(36)}`
        ),
      }),
      new CopyWebpackPlugin({
        patterns: [
          {
            from: "assets/*.png",
            to: "assets/[name][ext][query]",
          },
          {
            from: "src/taskpane/support.html",
            to: "support.html",
          },
          // ES3 scripts taskpane.html loads before the bundle (external files: its
          // Content-Security-Policy allows no inline script)
          {
            from: "src/taskpane/office-watch.js",
            to: "office-watch.js",
          },
          {
            from: "src/taskpane/old-client.js",
            to: "old-client.js",
          },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              if (!prodUrl) return content;
              return content
                .toString()
                .split(urlDev)
                .join(prodUrl.href)
                .split(originDev)
                .join(prodUrl.origin);
            },
          },
        ],
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
    ],
    performance: {
      // the pane carries exceljs (~850 KiB) and the rules engine; warn only well past that, and
      // only for production bundles (development ones are unminified)
      hints: dev ? false : "warning",
      maxEntrypointSize: 3 * 1024 * 1024,
      maxAssetSize: 3 * 1024 * 1024,
    },
    devServer: {
      hot: true,
      headers: {
        "Access-Control-Allow-Origin": "*",
      },
      server: serving ? { type: "https", options: await getHttpsOptions() } : "https",
      port: Number(process.env.npm_package_config_dev_server_port) || 3000,
    },
  };

  return config;
};

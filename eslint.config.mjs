// ESLint flat config: the Office add-in rules of eslint-plugin-office-addins (recommended and
// react, as office-addin-lint uses them: ESLint's recommended rules, the Office.js rules such as
// no-context-sync-in-loop and load-object-before-read, and prettier formatting).
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import globals from "globals";

export default [
  {
    ignores: [
      "dist/**",
      "node_modules/**",
      "scratch/**",
      "coverage/**",
      "test/e2e/out/**",
      "**/*.d.ts",
    ],
  },
  ...officeAddins.configs.recommended,
  ...officeAddins.configs.react,
  {
    plugins: { "office-addins": officeAddins },
    languageOptions: { parser: tsParser },
    settings: { react: { version: "19" } },
    rules: {
      "no-unused-vars": "off",
      // TypeScript checks names (tsc runs in npm test); ESLint's no-undef does not know TS types
      "no-undef": "off",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "react/react-in-jsx-scope": "off",
      "react/prop-types": "off",
    },
  },
  {
    // the engine runs in Node, in browsers and in workers alike
    // pure TypeScript: no Office, no files, no DOM (lib "DOM" is on for the pane, so lint guards it)
    files: ["src/engine/**"],
    languageOptions: { globals: { TextEncoder: "readonly" } },
    rules: {
      "no-restricted-globals": [
        "error",
        "window",
        "document",
        "Office",
        "Excel",
        "navigator",
        "localStorage",
        "fetch",
        "XMLHttpRequest",
      ],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            "fs",
            "path",
            "os",
            "exceljs",
            "react",
            "react-dom",
            "@fluentui/*",
            "../file/*",
            "../excel/*",
            "../taskpane/*",
            "../cli/*",
          ],
        },
      ],
    },
  },
  {
    // the pane runs in a browser (Office's webview or a plain one) and starts a Web Worker
    files: ["src/taskpane/**", "src/excel/**"],
    languageOptions: {
      globals: { ...globals.browser, ...globals.worker, Office: "readonly", Excel: "readonly" },
    },
  },
  {
    // outside Office.js: the office-addins rules would read exceljs objects as Excel proxies
    files: ["src/file/**", "src/cli/**", "scripts/**", "test/**"],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: {
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/call-sync-after-load": "off",
      "office-addins/no-context-sync-in-loop": "off",
    },
  },
];

import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    files: ["**/*.{js,jsx,mjs,ts,tsx,mts}"],
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
      "import/order": [
        "error",
        {
          groups: ["builtin", "external", "internal", ["parent", "sibling", "index"]],
          pathGroups: [{ pattern: "@/**", group: "internal" }],
          pathGroupsExcludedImportTypes: ["builtin"],
          alphabetize: { order: "asc", caseInsensitive: true },
        },
      ],
      // Thumbnails and avatars come from whatever hosts imported data names, and the logo is an
      // SVG: next/image would only proxy them through the server.
      "@next/next/no-img-element": "off",
      // One way to name a module: `@/…` from anywhere, never a relative path into src/.
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/src/*"], message: "Import from src/ with the @/ alias." }] }],
    },
  },
  {
    files: ["src/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["./*", "../*"], message: "Import with the @/ alias." }] }],
    },
  },
  {
    // Test helpers such as useTestDatabase() follow vitest's naming, not React's hooks.
    files: ["tests/**", "bench/**", "scripts/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  prettier,
  globalIgnores([
    ".next/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    "src/generated/**",
    ".data/**",
    "test-results/**",
    "playwright-report/**",
  ]),
]);

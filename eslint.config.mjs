import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * Next's recommended rules, plus the one architectural rule of the codebase: imports run
 * app → components → lib, never back. lib/ is the typed core (data, ingest, mail) that
 * scripts, jobs and tests use without React or routes; components/ draw what lib/ gives them.
 */
const layering = (forbidden, why) =>
  forbidden.flatMap((folder) => [
    { group: [`@/${folder}/*`, `@/${folder}`], message: why },
    { group: [`**/../${folder}/*`], message: why },
  ]);

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    // A leading underscore marks what is unused on purpose (a rest sibling left out, a handler's
    // first argument), as TypeScript's own noUnused* checks read it.
    rules: {
      // Avatars and thumbnails come from whatever hosts the feeds name: next/image would need
      // every host allowed, and its optimizer would then fetch arbitrary URLs from the server.
      "@next/next/no-img-element": "off",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    // No React hooks live here; `useTestDatabase` and friends are vitest fixtures that the
    // hooks rule mistakes for hooks by their name.
    files: ["lib/**/*.{ts,tsx}", "scripts/**/*.ts", "bench/**/*.ts", "app/**/*.test.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    files: ["lib/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: layering(
            ["app", "components"],
            "lib/ is the core: it must not import from app/ or components/ (move shared code into lib/).",
          ),
        },
      ],
    },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: layering(["app"], "components/ must not import from app/: server actions and shared code live in lib/.") },
      ],
    },
  },
  {
    // Specs take `test` from e2e/helpers.ts, whose fixture fails a test on any console error.
    files: ["e2e/**/*.spec.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@playwright/test",
              importNames: ["test", "expect"],
              message: "Import test and expect from ./helpers: its test fails on a console error in the page.",
            },
          ],
        },
      ],
    },
  },
  globalIgnores([
    ".next/**",
    ".next-*/**",
    "lib/generated/**",
    "node_modules/**",
    "next-env.d.ts",
    ".data/**",
    "bench/out/**",
    ".test-results/**",
    "test-results/**",
    "playwright-report/**",
  ]),
]);

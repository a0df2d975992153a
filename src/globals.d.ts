/** The package version, put in by scripts/build.ts (esbuild `define`). */
declare const __VERSION__: string;

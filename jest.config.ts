/** @jest-config-loader esbuild-register */
import type { Config } from 'jest';

/** Packages published as ES modules only (@scure and @noble through cognito-local's TOTP); jest's CommonJS runtime needs them transformed. */
const ESM_ONLY_PACKAGES = ['@middy', '@scure', '@noble'];

const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.(t|j|mj)s$': ['@swc/jest', { jsc: { target: 'es2023' }, module: { type: 'commonjs' } }],
    '^.+\\.(html|txt)$': '<rootDir>/test/text-transform.cjs',
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY_PACKAGES.join('|')})/)`],
  // The path aliases of tsconfig.json.
  moduleNameMapper: {
    '^@(shared|functions|resources|test|scripts)/(.*)$': '<rootDir>/$1/$2',
  },
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json', 'html', 'txt'],
  testTimeout: 30_000,
};

export default config;

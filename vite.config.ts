import { fileURLToPath } from 'node:url';

import react from '@vitejs/plugin-react';
import ts from 'typescript';
import { defineConfig, type Plugin } from 'vite';

const apiTarget = 'http://127.0.0.1:3000';
const contractFile = /[\\/]src[\\/]contract[\\/][^\\/]+\.ts$/;

function unwrap(node: ts.Expression): ts.Expression {
  if (
    ts.isAsExpression(node) ||
    ts.isSatisfiesExpression(node) ||
    ts.isParenthesizedExpression(node)
  ) {
    return unwrap(node.expression);
  }
  return node;
}

function isLiteral(node: ts.Expression): boolean {
  const value = unwrap(node);
  if (ts.isArrayLiteralExpression(value)) {
    return value.elements.every(isLiteral);
  }
  return (
    ts.isStringLiteral(value) ||
    ts.isNumericLiteral(value) ||
    ts.isNoSubstitutionTemplateLiteral(value)
  );
}

function isLiteralConstant(statement: ts.Statement): boolean {
  return (
    ts.isVariableStatement(statement) &&
    statement.declarationList.declarations.every((d) => d.initializer && isLiteral(d.initializer))
  );
}

/**
 * The web imports enums and limits from src/contract (`ticketKinds`, `MAX_PHOTOS`), never its
 * zod schemas. Building a schema has no side effect, but the bundler cannot prove it, so all of
 * zod (about 25 kB gzip) would land in the resident bundle. In the web build a contract module
 * therefore keeps only its literal constants. Importing a schema from the web then fails the
 * build loudly ("is not exported"), instead of silently growing the bundle.
 */
function contractConstantsOnly(): Plugin {
  return {
    name: 'linli-contract-constants-only',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!contractFile.test(id)) {
        return null;
      }
      const file = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
      const kept = file.statements.filter(isLiteralConstant).map((s) => s.getText(file));
      return { code: `${kept.join('\n')}\nexport {};\n`, map: null };
    },
  };
}

/**
 * The web front end lives in src/web and is built into dist/web, which the Fastify server serves
 * with an SPA fallback. In development, vite proxies the API to a locally running server.
 */
export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  plugins: [contractConstantsOnly(), react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // The workbench chunk carries antd; it is loaded by officers on desktops only.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/api': apiTarget,
      '/healthz': apiTarget,
    },
  },
  preview: {
    proxy: {
      '/api': apiTarget,
      '/healthz': apiTarget,
    },
  },
});

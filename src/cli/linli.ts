import { ConfigError, loadConfig, type Config } from '../server/config.js';
import { openDatabase } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { prepareDemo } from '../server/org/demo-start.js';
import { auditVerifyCommand } from './audit-verify.js';
import { backupCommand } from './backup.js';
import { importOrgCommand } from './import-org.js';
import { parsePlacardsArgs, placardsCommand, placardsUsage } from './placards.js';
import { restoreCommand } from './restore.js';
import { parseRotateArgs, rotateDataKeyCommand } from './rotate-data-key.js';
import { createContext } from '../server/context-factory.js';

/** Operator commands: `npm run linli -- <command> [args]`. */
const usage = `usage: npm run linli -- <command>

  migrate             bring the database schema up to date
  seed-demo           load the demo organisation (Yangpu) if the database has none
  import-org FILE     import districts, streets, communities, rooms, liaisons and buildings
                      from an .xlsx or .csv file (format: docs/import-format.md)
  audit verify        check the audit trail's MAC chain; exit 1 at the first broken entry
  placards --community CODE | --street CODE [--out FILE] [--mark-printed]
                      one PDF of the placards of a community or street (docs/placards.md)
  backup FILE         SQLite: an online backup into FILE (never over an existing file);
                      PostgreSQL: prints the pg_dump command (docs/operations.md)
  restore FILE [--force]
                      SQLite: restore FILE into the database, then check it and the audit chain;
                      --force replaces an existing database that no server has open
  rotate-data-key [--batch N]
                      re-encrypt personal data under DATA_KEY and DATA_CIPHER; values under
                      the keys of DATA_KEYS_OLD are rewritten (docs/security.md)
`;

async function run(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  if (!command || command === 'help' || command === '--help') {
    process.stdout.write(usage);
    return command ? 0 : 2;
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  // Backup and restore work on the files themselves: no migration, no connection of our own.
  if (command === 'backup') {
    return backupCommand(config, rest[0], process.stdout, process.stderr);
  }
  if (command === 'restore') {
    return restoreCommand(config, rest, process.stdout, process.stderr);
  }
  const handle = openDatabase(config.database);
  try {
    await migrateToLatest(handle.db);
    switch (command) {
      case 'migrate':
        process.stdout.write('schema up to date / 数据库结构已是最新\n');
        return 0;
      case 'seed-demo': {
        const demo = await prepareDemo(createContext(config, handle), 'yes');
        process.stdout.write(
          demo ? `demo placard token: ${demo.samplePlacardToken}\n` : 'nothing to do\n',
        );
        return 0;
      }
      case 'import-org': {
        const file = rest[0];
        if (!file) {
          process.stderr.write('import-org needs a file / 需要指定文件\n');
          return 2;
        }
        return await importOrgCommand(handle, file, process.stdout);
      }
      case 'placards': {
        const parsed = parsePlacardsArgs(rest);
        if (typeof parsed === 'string') {
          process.stderr.write(`${parsed}\n${placardsUsage}`);
          return 2;
        }
        const ctx = createContext(config, handle);
        const local = `http://127.0.0.1:${config.port}`;
        return await placardsCommand(ctx, parsed, local, process.stdout);
      }
      case 'audit':
        if (rest[0] !== 'verify') {
          process.stderr.write('usage: npm run linli -- audit verify\n');
          return 2;
        }
        return await auditVerifyCommand(handle, config.audit, process.stdout);
      case 'rotate-data-key': {
        const batch = parseRotateArgs(rest);
        if (typeof batch === 'string') {
          process.stderr.write(`${batch}\n`);
          return 2;
        }
        return await rotateDataKeyCommand(handle, config.dataKeys, batch, process.stdout);
      }
      default:
        process.stderr.write(`unknown command: ${command}\n\n${usage}`);
        return 2;
    }
  } finally {
    await handle.close();
  }
}

process.exitCode = await run(process.argv.slice(2));

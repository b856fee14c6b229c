// `npm run db:migrate`: applies the PostgreSQL migrations to DATABASE_URL (from the environment,
// or a .env file as src/config.ts reads it) and says which ones it applied. The store applies them
// at every open as well; this is for a deployment step that prepares the database first.
import { config as loadDotenv } from 'dotenv';
import pg from 'pg';
import { parseTarget, reasonOf, redact } from './connection.js';
import { MIGRATIONS, runMigrations } from './migrations.js';

async function main(): Promise<number> {
  loadDotenv({ quiet: true });
  const url = process.env.DATABASE_URL?.trim();
  if (!url) {
    console.error('devpath: DATABASE_URL is not set (in the environment or .env); it names the PostgreSQL database, e.g. postgres://user:password@host:5432/devpath.');
    return 2;
  }
  let target;
  try {
    target = parseTarget(url);
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    const applied = await runMigrations(client);
    const latest = Math.max(...MIGRATIONS.map((m) => m.version));
    console.log(
      applied.length
        ? `devpath: ${target.location}: applied migration${applied.length === 1 ? '' : 's'} ${applied.join(', ')}; the schema is at version ${latest}.`
        : `devpath: ${target.location}: the schema was already at version ${latest}; nothing to do.`,
    );
    return 0;
  } catch (error) {
    console.error(`devpath: cannot migrate the PostgreSQL database ${target.location}: ${redact(reasonOf(error), target.secrets)}`);
    return 1;
  } finally {
    await client.end().catch(() => undefined);
  }
}

process.exitCode = await main();

/** One step of the PostgreSQL schema: applied once, in `version` order, recorded by version. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The PostgreSQL schema, as numbered steps applied in order at start. A step, once released, is
 * never edited: a change is a new step, so every database walks the same path to the same schema.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'questions, votes, audit',
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      -- Question ids are handed out in blocks, so an instance can number the questions it records
      -- while PostgreSQL is away and write them later without clashing with another instance.
      CREATE SEQUENCE question_id_blocks;
      CREATE TABLE questions (
        id BIGINT PRIMARY KEY, at BIGINT NOT NULL, platform TEXT NOT NULL, kind TEXT NOT NULL,
        confidence DOUBLE PRECISION NOT NULL, answered BOOLEAN NOT NULL, question TEXT, user_id TEXT);
      CREATE INDEX questions_at ON questions (at);
      CREATE TABLE votes (
        answer_id BIGINT NOT NULL REFERENCES questions (id) ON DELETE CASCADE, voter TEXT NOT NULL,
        value SMALLINT NOT NULL, at BIGINT NOT NULL, PRIMARY KEY (answer_id, voter));
      CREATE INDEX votes_at ON votes (at);
      CREATE TABLE audit (
        id BIGSERIAL PRIMARY KEY, at BIGINT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
        outcome TEXT NOT NULL, detail TEXT NOT NULL);
      CREATE INDEX audit_at ON audit (at);
    `,
  },
];

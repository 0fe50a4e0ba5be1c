-- Keyword search at 100,000 chunks (decision 0005): document frequencies in a table instead of counted per query
-- (a common term's 100,000 postings took 10-20 ms to count), and postings indexed both ways with tf and length
-- included, so that the essential terms' postings and each candidate's postings are index-only reads.

CREATE TABLE term_stats (
    knowledge_base_id uuid NOT NULL REFERENCES knowledge_bases (id) ON DELETE CASCADE,
    term              text NOT NULL,
    df                bigint NOT NULL,
    PRIMARY KEY (knowledge_base_id, term));

INSERT INTO term_stats (knowledge_base_id, term, df)
SELECT t.knowledge_base_id, t.term, count(*) FROM chunk_terms t
WHERE EXISTS (SELECT 1 FROM knowledge_bases k WHERE k.id = t.knowledge_base_id)
GROUP BY t.knowledge_base_id, t.term;

-- Rows are upserted in key order so that two concurrent writers of one knowledge base cannot deadlock on them.
CREATE FUNCTION chunk_terms_df_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO term_stats AS s (knowledge_base_id, term, df)
    SELECT n.knowledge_base_id, n.term, count(*) FROM new_rows n
    WHERE EXISTS (SELECT 1 FROM knowledge_bases k WHERE k.id = n.knowledge_base_id)
    GROUP BY n.knowledge_base_id, n.term
    ORDER BY n.knowledge_base_id, n.term
    ON CONFLICT (knowledge_base_id, term) DO UPDATE SET df = s.df + excluded.df;
    RETURN NULL;
END $$;
CREATE FUNCTION chunk_terms_df_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    WITH gone AS (SELECT knowledge_base_id, term, count(*) AS n FROM old_rows GROUP BY knowledge_base_id, term),
    locked AS (
        SELECT s.knowledge_base_id, s.term, g.n FROM term_stats s JOIN gone g USING (knowledge_base_id, term)
        ORDER BY s.knowledge_base_id, s.term FOR UPDATE OF s)
    UPDATE term_stats s SET df = s.df - l.n FROM locked l
    WHERE s.knowledge_base_id = l.knowledge_base_id AND s.term = l.term;
    DELETE FROM term_stats s USING (SELECT DISTINCT knowledge_base_id, term FROM old_rows) g
    WHERE s.knowledge_base_id = g.knowledge_base_id AND s.term = g.term AND s.df <= 0;
    RETURN NULL;
END $$;
CREATE TRIGGER chunk_terms_df_insert AFTER INSERT ON chunk_terms REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION chunk_terms_df_insert();
CREATE TRIGGER chunk_terms_df_delete AFTER DELETE ON chunk_terms REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION chunk_terms_df_delete();

-- The knowledge-base counters are taken first, as the insert path does (chunks before chunk_terms): the same lock
-- order on both paths, so an ingestion and a delete in one knowledge base cannot deadlock.
CREATE OR REPLACE FUNCTION chunks_stats_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE knowledge_base_stats s SET chunk_count = s.chunk_count - d.n, total_terms = s.total_terms - d.t
    FROM (SELECT knowledge_base_id, count(*) AS n, sum(term_count) AS t FROM old_rows GROUP BY knowledge_base_id) d
    WHERE s.knowledge_base_id = d.knowledge_base_id;
    DELETE FROM chunk_terms t USING old_rows o WHERE t.chunk_id = o.id;
    RETURN NULL;
END $$;

ALTER TABLE chunk_terms DROP CONSTRAINT chunk_terms_pkey,
    ADD PRIMARY KEY (term, knowledge_base_id, chunk_id) INCLUDE (tf, chunk_length);
DROP INDEX chunk_terms_chunk;
CREATE INDEX chunk_terms_chunk ON chunk_terms (chunk_id, term) INCLUDE (tf, chunk_length);

-- Each chunk's terms with their frequencies in one narrow row (decision 0005). Keyword search completes its
-- contenders (the chunks the common query terms could still lift into the top k) with one read per chunk here instead
-- of one index probe per chunk and term: 1,000 contenders took 60-190 ms by probes at 100,000 chunks. Deleting a
-- chunk's postings also goes through it, which replaces the 300 MB (chunk_id, term) index on the postings.
CREATE TABLE chunk_term_vectors (
    chunk_id uuid PRIMARY KEY,
    terms    text[] NOT NULL,
    tfs      int[] NOT NULL,
    length   int NOT NULL);

INSERT INTO chunk_term_vectors (chunk_id, terms, tfs, length)
SELECT chunk_id, array_agg(term ORDER BY term), array_agg(tf ORDER BY term), min(chunk_length)
FROM chunk_terms GROUP BY chunk_id;

CREATE OR REPLACE FUNCTION chunks_stats_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE knowledge_base_stats s SET chunk_count = s.chunk_count - d.n, total_terms = s.total_terms - d.t
    FROM (SELECT knowledge_base_id, count(*) AS n, sum(term_count) AS t FROM old_rows GROUP BY knowledge_base_id) d
    WHERE s.knowledge_base_id = d.knowledge_base_id;
    DELETE FROM chunk_terms t
    USING (SELECT o.id, o.knowledge_base_id, unnest(v.terms) AS term FROM old_rows o JOIN chunk_term_vectors v ON v.chunk_id = o.id) d
    WHERE t.term = d.term AND t.knowledge_base_id = d.knowledge_base_id AND t.chunk_id = d.id;
    DELETE FROM chunk_term_vectors v USING old_rows o WHERE v.chunk_id = o.id;
    RETURN NULL;
END $$;

DROP INDEX chunk_terms_chunk;

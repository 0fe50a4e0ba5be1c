-- Knowledge bases, documents (with the original bytes), chunks with vectors, and BM25 term statistics.
CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE knowledge_bases (
    id                  uuid PRIMARY KEY,
    tenant_id           uuid NOT NULL,
    name                text NOT NULL,
    description         text,
    chunk_size          int NOT NULL,
    chunk_overlap       int NOT NULL,
    language            text,
    embedding_provider  text NOT NULL,
    embedding_model     text NOT NULL,
    embedding_dimension int NOT NULL,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL);
CREATE INDEX knowledge_bases_tenant ON knowledge_bases (tenant_id, created_at DESC);

CREATE TABLE documents (
    id                   uuid PRIMARY KEY,
    tenant_id            uuid NOT NULL,
    knowledge_base_id    uuid NOT NULL REFERENCES knowledge_bases (id) ON DELETE CASCADE,
    title                text NOT NULL,
    file_name            text NOT NULL,
    content_type         text NOT NULL,
    size_bytes           bigint NOT NULL,
    sha256               text NOT NULL,
    metadata             jsonb NOT NULL DEFAULT '{}',
    status               text NOT NULL,
    progress             int NOT NULL DEFAULT 0,
    chunk_count          int NOT NULL DEFAULT 0,
    error_code           text,
    error_message        text,
    replaces_document_id uuid,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    indexed_at           timestamptz);
-- Identical content in one knowledge base is one document (the upload answers the existing one).
CREATE UNIQUE INDEX documents_kb_sha256 ON documents (knowledge_base_id, sha256);
CREATE INDEX documents_kb_file_name ON documents (knowledge_base_id, file_name);
CREATE INDEX documents_metadata ON documents USING gin (metadata jsonb_path_ops);

-- The original, stored durably before the upload is acknowledged; the worker reads it from here.
CREATE TABLE document_contents (
    document_id uuid PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    content     bytea NOT NULL);

CREATE TABLE chunks (
    id                uuid PRIMARY KEY,
    tenant_id         uuid NOT NULL,
    knowledge_base_id uuid NOT NULL,
    document_id       uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    ordinal           int NOT NULL,
    text              text NOT NULL,
    heading_path      text[] NOT NULL DEFAULT '{}',
    page              int,
    token_count       int NOT NULL,
    term_count        int NOT NULL,
    embedding_dim     int NOT NULL,
    embedding         vector NOT NULL,
    UNIQUE (document_id, ordinal));
CREATE INDEX chunks_kb ON chunks (knowledge_base_id);
-- HNSW needs a fixed dimension: the index covers the default embedder's size (expression + partial index);
-- knowledge bases with another embedder are searched exactly until an index for their size is added.
CREATE INDEX chunks_embedding_384 ON chunks USING hnsw ((embedding::vector(384)) vector_cosine_ops)
    WITH (m = 16, ef_construction = 128) WHERE embedding_dim = 384;

-- BM25 postings: one row per (term, chunk) with its term frequency and the chunk length, so that scoring a
-- query reads only the postings of its terms.
CREATE TABLE chunk_terms (
    term              text NOT NULL,
    -- No foreign key: a per-row RI check on millions of postings halved indexing speed; the statement trigger
    -- on chunks below deletes a chunk's postings with it instead.
    chunk_id          uuid NOT NULL,
    knowledge_base_id uuid NOT NULL,
    tf                int NOT NULL,
    chunk_length      int NOT NULL,
    PRIMARY KEY (term, knowledge_base_id, chunk_id));
CREATE INDEX chunk_terms_chunk ON chunk_terms (chunk_id);

-- Per knowledge base N and total length for BM25's idf and avgdl, kept exact by statement triggers so that
-- a query does not count the whole collection.
CREATE TABLE knowledge_base_stats (
    knowledge_base_id uuid PRIMARY KEY REFERENCES knowledge_bases (id) ON DELETE CASCADE,
    chunk_count       bigint NOT NULL DEFAULT 0,
    total_terms       bigint NOT NULL DEFAULT 0);

CREATE FUNCTION chunks_stats_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO knowledge_base_stats AS s (knowledge_base_id, chunk_count, total_terms)
    SELECT n.knowledge_base_id, count(*), sum(n.term_count) FROM new_rows n
    WHERE EXISTS (SELECT 1 FROM knowledge_bases k WHERE k.id = n.knowledge_base_id)
    GROUP BY n.knowledge_base_id
    ON CONFLICT (knowledge_base_id) DO UPDATE
        SET chunk_count = s.chunk_count + excluded.chunk_count, total_terms = s.total_terms + excluded.total_terms;
    RETURN NULL;
END $$;
CREATE FUNCTION chunks_stats_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM chunk_terms t USING old_rows o WHERE t.chunk_id = o.id;
    UPDATE knowledge_base_stats s SET chunk_count = s.chunk_count - d.n, total_terms = s.total_terms - d.t
    FROM (SELECT knowledge_base_id, count(*) AS n, sum(term_count) AS t FROM old_rows GROUP BY knowledge_base_id) d
    WHERE s.knowledge_base_id = d.knowledge_base_id;
    RETURN NULL;
END $$;
CREATE TRIGGER chunks_stats_insert AFTER INSERT ON chunks REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION chunks_stats_insert();
CREATE TRIGGER chunks_stats_delete AFTER DELETE ON chunks REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION chunks_stats_delete();

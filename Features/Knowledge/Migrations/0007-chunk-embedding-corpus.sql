-- The knowledge base's chunk count the lexical embedder weighted a chunk's vector by (decision 0009); null for vectors
-- that do not depend on the corpus (a model server's). The worker re-embeds chunks whose knowledge base has since
-- grown or shrunk more than twofold, found through the index.
ALTER TABLE chunks ADD COLUMN embedding_corpus_chunks bigint;
CREATE INDEX chunks_kb_corpus ON chunks (knowledge_base_id, embedding_corpus_chunks) WHERE embedding_corpus_chunks IS NOT NULL;

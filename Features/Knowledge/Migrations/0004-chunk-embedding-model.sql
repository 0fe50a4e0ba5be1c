-- Which embedder produced each chunk's vector (decision 0008). A knowledge base whose embedder changed is re-embedded
-- chunk by chunk in the background; vector search only compares a query with vectors of its own embedder, so during
-- the change it covers the chunks already done and never mixes two vector spaces.
-- The default is the embedded embedder so that existing rows are labelled without a rewrite (rewriting every chunk
-- also re-inserts it into the HNSW graph: 20 minutes at 100,000 chunks); only knowledge bases on another embedder are
-- labelled row by row.
ALTER TABLE chunks ADD COLUMN embedding_model text NOT NULL DEFAULT 'hashed-ngram-v1';
UPDATE chunks c SET embedding_model = k.embedding_model
FROM knowledge_bases k WHERE k.id = c.knowledge_base_id AND k.embedding_model <> 'hashed-ngram-v1';
ALTER TABLE chunks ALTER COLUMN embedding_model DROP DEFAULT;
CREATE INDEX chunks_kb_embedder ON chunks (knowledge_base_id, embedding_model, embedding_dim);

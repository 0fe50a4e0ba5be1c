-- Which embedder produced each chunk's vector (decision 0008). A knowledge base whose embedder changed is re-embedded
-- chunk by chunk in the background; vector search only compares a query with vectors of its own embedder, so during
-- the change it covers the chunks already done and never mixes two vector spaces.
ALTER TABLE chunks ADD COLUMN embedding_model text;
UPDATE chunks c SET embedding_model = k.embedding_model FROM knowledge_bases k WHERE k.id = c.knowledge_base_id;
ALTER TABLE chunks ALTER COLUMN embedding_model SET NOT NULL;
CREATE INDEX chunks_kb_embedder ON chunks (knowledge_base_id, embedding_model, embedding_dim);

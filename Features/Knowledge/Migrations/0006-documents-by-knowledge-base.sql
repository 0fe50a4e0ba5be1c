-- A knowledge base's document list, newest first, pages without sorting all of its documents.
CREATE INDEX documents_kb_created ON documents (knowledge_base_id, created_at DESC, id DESC);

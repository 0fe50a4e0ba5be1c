using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Knowledge.Common;

public static class KnowledgeErrors
{
    public static readonly Error KnowledgeBaseNotFound = Error.NotFound("knowledge_base");
    public static readonly Error DocumentNotFound = Error.NotFound("document");
    public static readonly Error EmptyFile = Error.Invalid("empty_file", "The file is empty.");
    public static readonly Error UnsupportedType = new("unsupported_type", 415,
        "The file's content is not a supported type (txt, md, html, pdf, docx); the type is read from the content, not the name.");
    public static readonly Error VectorSearchUnavailable = new("vector_search_unavailable", 503,
        "Vector search is unavailable; retry, or use mode hybrid or keyword.");

    public static readonly Error InvalidMetadata = Error.Validation(new Dictionary<string, string[]>
    {
        ["metadata"] = ["Metadata must be a JSON object."],
    });
}

using VoiceHelper.Knowledge.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Knowledge.UpdateKnowledgeBase;

public static class UpdateKnowledgeBaseDecision
{
    /// <summary>Applies the given fields; the overlap must stay below the chunk size once both are merged.</summary>
    /// <returns>The error to answer, or null when the change was applied.</returns>
    public static Error? Apply(KnowledgeBase kb, UpdateKnowledgeBaseRequest request)
    {
        var size = request.ChunkSize ?? kb.ChunkSize;
        var overlap = request.ChunkOverlap ?? kb.ChunkOverlap;
        if (overlap >= size)
        {
            return Error.Validation(new Dictionary<string, string[]> { ["chunk_overlap"] = ["The overlap must be smaller than the chunk size."] });
        }
        kb.Name = request.Name?.Trim() ?? kb.Name;
        kb.Description = request.Description ?? kb.Description;
        kb.Language = request.Language ?? kb.Language;
        kb.ChunkSize = size;
        kb.ChunkOverlap = overlap;
        return null;
    }
}

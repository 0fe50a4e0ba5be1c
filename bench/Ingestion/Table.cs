namespace VoiceHelper.Ingestion.Bench;

/// <summary>A Markdown table on the console.</summary>
public sealed class Table(params string[] header)
{
    private readonly List<string[]> _rows = [header];

    public void Add(params string[] cells) => _rows.Add(cells);

    public void Print()
    {
        var widths = Enumerable.Range(0, _rows[0].Length).Select(c => _rows.Max(r => r[c].Length)).ToArray();
        for (var i = 0; i < _rows.Count; i++)
        {
            Console.WriteLine("| " + string.Join(" | ", _rows[i].Select((cell, c) => cell.PadRight(widths[c]))) + " |");
            if (i == 0)
            {
                Console.WriteLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
            }
        }
        Console.WriteLine();
    }
}

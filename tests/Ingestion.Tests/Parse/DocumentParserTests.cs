using System.Text;
using Microsoft.Extensions.Options;
using VoiceHelper.Ingestion.Common;
using VoiceHelper.Ingestion.Parse;
using VoiceHelper.Testing.Documents;

namespace VoiceHelper.Ingestion.Tests.Parse;

/// <summary>The parsers against generated files and the real poppler-utils.</summary>
public sealed class DocumentParserTests
{
    private static readonly DocumentParser Parser = new(Options.Create(new IngestionOptions()));
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pdf_text_keeps_page_numbers()
    {
        var result = await Parser.ParseAsync(DocumentFixtures.Pdf(["First page text."], ["Second page text."]), "application/pdf", Ct);
        result.Failure.ShouldBeNull();
        result.Blocks.Select(b => (b.Text, b.Page)).ShouldBe([("First page text.", 1), ("Second page text.", 2)]);
    }

    [Fact]
    public async Task Pdf_headings_paragraphs_and_table_rows_come_from_font_sizes_and_positions()
    {
        var pdf = DocumentFixtures.Pdf(
            ["Introduction text that is long enough to make twelve points the body size.", "It wraps onto a second line."],
            ["# Warranty", "The warranty lasts 24 months", "from the date of purchase.", "", "Keep the receipt.", "|Model|FC-1|"]);

        var result = await Parser.ParseAsync(pdf, "application/pdf", Ct);

        result.Failure.ShouldBeNull();
        result.Blocks.ShouldBe([
            new ParsedBlock("Introduction text that is long enough to make twelve points the body size. It wraps onto a second line.", 0, 1),
            new ParsedBlock("Warranty", 1, 2),
            new ParsedBlock("The warranty lasts 24 months from the date of purchase.", 0, 2),
            new ParsedBlock("Keep the receipt.", 0, 2),
            new ParsedBlock("Model | FC-1", 0, 2),
        ]);
    }

    [Fact]
    public async Task Encrypted_corrupt_and_textless_pdfs_fail_with_their_codes()
    {
        (await Parser.ParseAsync(DocumentFixtures.EncryptedPdf(["secret"]), "application/pdf", Ct)).Failure!.Code.ShouldBe("encrypted_pdf");
        (await Parser.ParseAsync(DocumentFixtures.CorruptPdf(), "application/pdf", Ct)).Failure!.Code.ShouldBe("corrupt_pdf");
        (await Parser.ParseAsync(DocumentFixtures.Pdf(Array.Empty<string>()), "application/pdf", Ct)).Failure!.Code.ShouldBe("empty_text");
    }

    [Fact]
    public async Task Docx_headings_lists_and_tables()
    {
        var result = await Parser.ParseAsync(DocumentFixtures.Docx("# Setup", "Plug it in.", "- first item", "|Model|FC-1|"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Ct);
        result.Blocks.ShouldBe([new ParsedBlock("Setup", 1), new ParsedBlock("Plug it in."), new ParsedBlock("- first item"), new ParsedBlock("Model | FC-1")]);
    }

    [Fact]
    public async Task A_zip_that_is_not_a_word_document_is_corrupt_docx()
    {
        (await Parser.ParseAsync(Encoding.ASCII.GetBytes("PK\u0003\u0004word/ not really a zip"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Ct)).Failure!.Code.ShouldBe("corrupt_docx");
    }

    [Fact]
    public async Task Markdown_structure_becomes_blocks()
    {
        var markdown = "# Title\n\nIntro *with* `code`.\n\n## Part\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\nvar x = 1;\n```\n";
        var result = await Parser.ParseAsync(Encoding.UTF8.GetBytes(markdown), "text/markdown", Ct);
        result.Blocks.ShouldBe([
            new ParsedBlock("Title", 1), new ParsedBlock("Intro with code."), new ParsedBlock("Part", 2),
            new ParsedBlock("- one"), new ParsedBlock("- two"), new ParsedBlock("a | b"), new ParsedBlock("1 | 2"), new ParsedBlock("var x = 1;"),
        ]);
    }

    [Fact]
    public async Task Html_drops_scripts_and_navigation_and_keeps_structure()
    {
        var html = "<html><head><style>p{}</style></head><body><nav>Home | About</nav><h1>Guide</h1><p>Hello <b>world</b>.</p>"
                   + "<ul><li>one</li></ul><script>alert(1)</script><table><tr><th>k</th><td>v</td></tr></table></body></html>";
        var result = await Parser.ParseAsync(Encoding.UTF8.GetBytes(html), "text/html", Ct);
        result.Blocks.ShouldBe([new ParsedBlock("Guide", 1), new ParsedBlock("Hello world."), new ParsedBlock("- one"), new ParsedBlock("k | v")]);
    }

    [Fact]
    public async Task Whitespace_only_text_is_empty_text_and_unknown_types_are_unsupported()
    {
        (await Parser.ParseAsync(Encoding.UTF8.GetBytes(" \n\t\n"), "text/plain", Ct)).Failure!.Code.ShouldBe("empty_text");
        (await Parser.ParseAsync([1, 2, 3], "image/png", Ct)).Failure!.Code.ShouldBe("unsupported_type");
    }

    [Fact]
    public async Task Text_paragraphs_join_soft_wrapped_lines_and_decode_utf16()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("line one\nline two\n\n第二段。")).ToArray();
        var result = await Parser.ParseAsync(bytes, "text/plain", Ct);
        result.Blocks.Select(b => b.Text).ShouldBe(["line one line two", "第二段。"]);
    }

    [Fact]
    public async Task Text_keeps_the_line_breaks_of_an_option_list_and_rejoins_hyphenated_words()
    {
        // As `man sort | col -bx` renders it: a title over indented text, option lines over their indented descriptions.
        const string page = """
            DESCRIPTION
                   Write sorted concatenation of all FILE(s) to standard output.  Mandatory arguments to long op‐
                   tions are mandatory for short options too.
                   -b, --ignore-leading-blanks
                          ignore leading blanks
                   -d, --dictionary-order
                          consider only blanks and alphanumeric characters
            """;
        var result = await Parser.ParseAsync(Encoding.UTF8.GetBytes(page), "text/plain", Ct);
        result.Blocks.Single().Text.ShouldBe(string.Join('\n',
            "DESCRIPTION",
            "Write sorted concatenation of all FILE(s) to standard output. Mandatory arguments to long options are mandatory for short options too.",
            "-b, --ignore-leading-blanks", "ignore leading blanks", "-d, --dictionary-order", "consider only blanks and alphanumeric characters"));
    }

    [Fact]
    public async Task Text_wrapped_narrower_than_the_widest_line_and_indented_first_lines_stay_one_line()
    {
        const string text = """
                The first line of this paragraph is indented and the text
            wraps at sixty characters or so, while a later line of the
            document is much wider than that one, as tables often are.

            | column one | column two | column three | column four | column five |
            """;
        var result = await Parser.ParseAsync(Encoding.UTF8.GetBytes(text), "text/plain", Ct);
        result.Blocks[0].Text.ShouldNotContain('\n');
    }
}

using System.Xml;
using VoiceHelper.Ingestion.Parse;

namespace VoiceHelper.Ingestion.Tests.Parse;

/// <summary>The structure decision on hand-written <c>pdftohtml -xml</c> output: no PDF and no poppler needed.</summary>
public sealed class PdfStructureTests
{
    private static string Xml(string pages) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE pdf2xml SYSTEM \"pdf2xml.dtd\">\n<pdf2xml producer=\"poppler\">\n" + pages + "</pdf2xml>";

    private static string Text(int top, int left, string font, string text, int height = 15, int width = 200) =>
        $"<text top=\"{top}\" left=\"{left}\" width=\"{width}\" height=\"{height}\" font=\"{font}\">{text}</text>\n";

    private const string Fonts = "<fontspec id=\"0\" size=\"30\" family=\"Helvetica\" color=\"#000000\"/>"
                                 + "<fontspec id=\"1\" size=\"24\" family=\"Helvetica\" color=\"#000000\"/>"
                                 + "<fontspec id=\"2\" size=\"17\" family=\"Helvetica\" color=\"#000000\"/>\n";

    [Fact]
    public void Larger_sizes_are_headings_ranked_by_size_and_close_lines_are_one_paragraph()
    {
        var xml = Xml("<page number=\"1\">" + Fonts
                      + Text(80, 100, "0", "Installation guide", 28)
                      + Text(130, 100, "1", "Before you start", 22)
                      + Text(170, 100, "2", "Unpack the unit and keep")
                      + Text(191, 100, "2", "the receipt for the warranty.")
                      + Text(233, 100, "2", "A second paragraph after a blank line.")
                      + "</page>\n<page number=\"2\">"
                      + Text(80, 100, "1", "Connecting", 22)
                      + Text(120, 100, "2", "Plug it in and wait for the green light to come on.")
                      + "</page>\n");

        PdfStructure.Blocks(xml).ShouldBe([
            new ParsedBlock("Installation guide", 1, 1),
            new ParsedBlock("Before you start", 2, 1),
            new ParsedBlock("Unpack the unit and keep the receipt for the warranty.", 0, 1),
            new ParsedBlock("A second paragraph after a blank line.", 0, 1),
            new ParsedBlock("Connecting", 2, 2),
            new ParsedBlock("Plug it in and wait for the green light to come on.", 0, 2),
        ]);
    }

    [Fact]
    public void Runs_on_one_baseline_are_one_line_and_wide_gaps_make_table_cells()
    {
        var xml = Xml("<page number=\"1\">" + Fonts
                      + Text(100, 400, "2", "FC-1", width: 40)
                      + Text(100, 100, "2", "Model", width: 50)
                      + Text(121, 100, "2", "Weight", width: 50)
                      + Text(122, 400, "2", "3 kg", width: 40)
                      + Text(160, 100, "2", "Prices are", width: 80)
                      + Text(158, 182, "2", "<i>without</i> tax.", width: 80)
                      + "</page>\n");

        PdfStructure.Blocks(xml).ShouldBe([
            new ParsedBlock("Model | FC-1", 0, 1),
            new ParsedBlock("Weight | 3 kg", 0, 1),
            new ParsedBlock("Prices are without tax.", 0, 1),
        ]);
    }

    [Fact]
    public void Large_sentences_and_contents_entries_stay_body_text()
    {
        var xml = Xml("<page number=\"1\">" + Fonts
                      + Text(80, 100, "1", "Thank you for buying the flux capacitor.", 22)
                      + Text(125, 100, "1", "Installation . . . . . . . . . . 12", 22)
                      + Text(170, 100, "2", "Body text carries the most characters in the whole document, so it sets the body size.")
                      + "</page>\n");

        PdfStructure.Blocks(xml).Select(b => (b.Text, b.HeadingLevel)).ShouldBe([
            ("Thank you for buying the flux capacitor.", 0),
            ("Installation . . . . . . . . . . 12", 0),
            ("Body text carries the most characters in the whole document, so it sets the body size.", 0),
        ]);
    }

    [Fact]
    public void A_bold_line_standing_alone_is_a_heading_below_the_sized_ones_but_bold_inside_a_paragraph_is_not()
    {
        var xml = Xml("<page number=\"1\">" + Fonts
                      + Text(80, 100, "1", "Safety", 22)
                      + Text(130, 100, "2", "<b>Electrical hazards</b>")
                      + Text(172, 100, "2", "Never open the housing while the unit is plugged in.")
                      + Text(193, 100, "2", "<b>Always unplug first</b>")
                      + Text(214, 100, "2", "and wait ten seconds.")
                      + "</page>\n");

        PdfStructure.Blocks(xml).ShouldBe([
            new ParsedBlock("Safety", 1, 1),
            new ParsedBlock("Electrical hazards", 2, 1),
            new ParsedBlock("Never open the housing while the unit is plugged in. Always unplug first and wait ten seconds.", 0, 1),
        ]);
    }

    [Fact]
    public void List_items_are_blocks_of_their_own_bullets_read_as_dashes_and_larger_numbers_are_headings()
    {
        var xml = Xml("<page number=\"1\">" + Fonts
                      + Text(60, 100, "1", "2. Installation", 22)
                      + Text(100, 100, "2", "In the box:")
                      + Text(121, 100, "2", "•", width: 8)
                      + Text(121, 130, "2", "the unit")
                      + Text(142, 100, "2", "• the cable")
                      + Text(163, 100, "2", "1. Plug it in")
                      + "</page>\n");

        PdfStructure.Blocks(xml).Select(b => (b.Text, b.HeadingLevel)).ShouldBe([
            ("2. Installation", 1), ("In the box:", 0), ("- the unit", 0), ("- the cable", 0), ("1. Plug it in", 0),
        ]);
    }

    [Fact]
    public void Font_ids_declared_on_an_earlier_page_keep_their_size()
    {
        var xml = Xml("<page number=\"1\">" + Fonts
                      + Text(100, 100, "2", "Page one has the body text and declares every font it uses here.")
                      + "</page>\n<page number=\"2\">"
                      + Text(80, 100, "0", "Appendix", 28)
                      + Text(130, 100, "2", "More body text.")
                      + "</page>\n");

        PdfStructure.Blocks(xml).ShouldContain(new ParsedBlock("Appendix", 1, 2));
    }

    [Fact]
    public void A_dtd_with_an_external_entity_is_not_resolved()
    {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE pdf2xml [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
                  + "<pdf2xml><page number=\"1\">" + Fonts + Text(100, 100, "2", "Value: &secret;") + "</page></pdf2xml>";

        // Undeclared once the DTD is ignored: the parser then falls back to pdftotext instead of reading a local file.
        Should.Throw<XmlException>(() => PdfStructure.Blocks(xml)).Message.ShouldNotContain("root:");
    }
}

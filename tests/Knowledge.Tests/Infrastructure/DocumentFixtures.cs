using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace VoiceHelper.Testing.Documents;

/// <summary>Test documents generated on the fly: no binary fixtures in the repository.</summary>
public static class DocumentFixtures
{
    /// <summary>
    /// A valid PDF with one Helvetica text line per entry on each page (12 pt, 14 pt apart); the xref offsets are computed,
    /// not guessed. Entries starting with "# " are set in 20 pt like a heading, "|" entries are a table row whose cells
    /// stand 200 pt apart, and an empty entry leaves a blank line.
    /// </summary>
    public static byte[] Pdf(params string[][] pages) => BuildPdf(pages, encrypted: false);

    /// <summary>A PDF whose trailer names a standard-security /Encrypt dictionary with a user password we do not know.</summary>
    public static byte[] EncryptedPdf(params string[][] pages) => BuildPdf(pages, encrypted: true);

    public static byte[] CorruptPdf() => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> garbage without xref or trailer\n");

    public static byte[] Png() =>
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89];

    /// <summary>A Word document; entries starting with "# " become Heading1 paragraphs, "- " list paragraphs, "|" a table row.</summary>
    public static byte[] Docx(params string[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            foreach (var text in paragraphs)
            {
                if (text.StartsWith('|'))
                {
                    var row = new TableRow(text.Trim('|').Split('|').Select(cell =>
                        new TableCell(new Paragraph(new Run(new Text(cell.Trim()))))));
                    body.Append(new Table(row));
                    continue;
                }
                var paragraph = new Paragraph();
                if (text.StartsWith("# ", StringComparison.Ordinal))
                {
                    paragraph.ParagraphProperties = new ParagraphProperties(new ParagraphStyleId { Val = "Heading1" });
                }
                else if (text.StartsWith("- ", StringComparison.Ordinal))
                {
                    paragraph.ParagraphProperties = new ParagraphProperties(new NumberingProperties(
                        new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 }));
                }
                paragraph.Append(new Run(new Text(text.TrimStart('#', '-', ' ')) { Space = SpaceProcessingModeValues.Preserve }));
                body.Append(paragraph);
            }
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static byte[] BuildPdf(string[][] pages, bool encrypted)
    {
        var objects = new List<string>();
        var pageIds = new List<int>();
        // 1: catalog, 2: pages, 3: font, then per page: page object and content stream.
        var next = 4;
        var pageObjects = new List<(int Id, string Body)>();
        foreach (var lines in pages)
        {
            var content = new StringBuilder();
            var y = 720;
            foreach (var line in lines)
            {
                var heading = line.StartsWith("# ", StringComparison.Ordinal);
                var cells = line.StartsWith('|') ? line.Trim('|').Split('|') : [heading ? line[2..] : line];
                for (var i = 0; i < cells.Length; i++)
                {
                    content.Append(CultureInfo.InvariantCulture, $"BT /F1 {(heading ? 20 : 12)} Tf {72 + (200 * i)} {y} Td (")
                        .Append(cells[i].Trim().Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)")).Append(") Tj ET\n");
                }
                y -= heading ? 26 : 14;
            }
            var stream = content.ToString();
            var pageId = next++;
            var contentId = next++;
            pageIds.Add(pageId);
            pageObjects.Add((pageId, $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents {contentId} 0 R >>"));
            pageObjects.Add((contentId, $"<< /Length {Encoding.ASCII.GetByteCount(stream)} >>\nstream\n{stream}\nendstream"));
        }
        objects.Add("<< /Type /Catalog /Pages 2 0 R >>");
        objects.Add($"<< /Type /Pages /Kids [{string.Join(' ', pageIds.Select(id => $"{id} 0 R"))}] /Count {pageIds.Count} >>");
        objects.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        objects.AddRange(pageObjects.OrderBy(p => p.Id).Select(p => p.Body));
        var encryptId = 0;
        if (encrypted)
        {
            encryptId = objects.Count + 1;
            var o = new string('A', 64);
            var u = new string('B', 64);
            objects.Add($"<< /Filter /Standard /V 1 /R 2 /O <{o}> /U <{u}> /P -4 >>");
        }

        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = Encoding.ASCII.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R");
        if (encrypted)
        {
            pdf.Append(CultureInfo.InvariantCulture, $" /Encrypt {encryptId} 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]");
        }
        pdf.Append(CultureInfo.InvariantCulture, $" >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}

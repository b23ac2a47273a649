using System.IO.Compression;
using System.Text;
using Gongkai.Catalog;

namespace Gongkai.Core.Tests.Catalog;

public class AttachmentsTests
{
    private static readonly AttachmentLimits Limits = new();

    private static byte[] Sample(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Catalog", "Samples", name));

    private static AttachmentCheck Inspect(byte[] bytes, AttachmentLimits? limits = null) =>
        Attachments.Inspect(new MemoryStream(bytes), limits ?? Limits);

    private static byte[] Zip(params string[] entries)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var e in entries)
            {
                using var w = new StreamWriter(zip.CreateEntry(e).Open());
                w.Write("<x/>");
            }
        }
        return ms.ToArray();
    }

    private static byte[] CompoundFile(string streamName) =>
        [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504], .. Encoding.Unicode.GetBytes(streamName)];

    [Theory]
    [InlineData("notice.pdf", AttachmentType.pdf)]
    [InlineData("notice.doc", AttachmentType.doc)]
    [InlineData("notice.docx", AttachmentType.docx)]
    public void Real_office_and_pdf_files_are_recognised_by_content(string file, AttachmentType expected) =>
        Assert.Equal(expected, Inspect(Sample(file)).Type);

    [Fact]
    public void Images_and_spreadsheets_are_recognised_by_their_signatures()
    {
        Assert.Equal(AttachmentType.png, Inspect([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]).Type);
        Assert.Equal(AttachmentType.jpeg, Inspect([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]).Type);
        Assert.Equal(AttachmentType.gif, Inspect("GIF89a\x01\x00"u8.ToArray()).Type);
        Assert.Equal(AttachmentType.xlsx, Inspect(Zip("[Content_Types].xml", "xl/workbook.xml")).Type);
        Assert.Equal(AttachmentType.xls, Inspect(CompoundFile("Workbook")).Type);
    }

    [Theory]
    [InlineData("<html><script>alert(1)</script></html>")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>")]
    [InlineData("MZ\u0090\u0000 this is an exe")]
    [InlineData("plain text pretending to be a pdf")]
    public void Anything_else_is_refused_whatever_its_name(string content)
    {
        var check = Inspect(Encoding.UTF8.GetBytes(content));
        Assert.False(check.IsOk);
        Assert.Contains("只能上传", check.Error);
    }

    [Fact]
    public void A_plain_zip_or_other_office_format_is_refused() =>
        Assert.False(Inspect(Zip("readme.txt")).IsOk);

    [Fact]
    public void Files_with_macros_are_refused()
    {
        Assert.Contains("宏", Inspect(Zip("word/document.xml", "word/vbaProject.bin")).Error);
        Assert.Contains("宏", Inspect(CompoundFile("WordDocument_VBA_PROJECT")).Error);
    }

    [Fact]
    public void Password_protected_office_files_are_refused() =>
        Assert.Contains("密码", Inspect(CompoundFile("EncryptedPackage")).Error);

    [Fact]
    public void Empty_and_oversized_files_are_refused_with_the_limit_in_the_message()
    {
        Assert.Contains("空", Inspect([]).Error);
        var small = new AttachmentLimits { MaxBytes = 1000, MaxImageBytes = 100 };
        Assert.Contains("上限", Inspect(Sample("notice.pdf"), small).Error);
        var bigImage = new byte[200];
        new byte[] { 0xFF, 0xD8, 0xFF }.CopyTo(bigImage, 0);
        Assert.Contains("图片", Inspect(bigImage, small).Error);
    }

    [Fact]
    public void Inspection_leaves_the_stream_at_its_start_for_saving()
    {
        var stream = new MemoryStream(Sample("notice.docx"));
        Attachments.Inspect(stream, Limits);
        Assert.Equal(0, stream.Position);
    }

    [Theory]
    [InlineData("../../etc/passwd", AttachmentType.pdf, "passwd.pdf")]
    [InlineData("C:\\Users\\张三\\桌面\\通知.doc", AttachmentType.doc, "通知.doc")]
    [InlineData("低保名单.jpg", AttachmentType.png, "低保名单.png")]
    [InlineData("<img src=x onerror=alert(1)>.pdf", AttachmentType.pdf, "_img src=x onerror=alert(1)_.pdf")]
    [InlineData("<script>alert(1)</script>.pdf", AttachmentType.pdf, "script_.pdf")]
    [InlineData("报告\u202Efdp.exe", AttachmentType.pdf, "报告fdp.pdf")]
    [InlineData("  ..  ", AttachmentType.xlsx, "附件.xlsx")]
    [InlineData(null, AttachmentType.gif, "附件.gif")]
    [InlineData("CON.docx", AttachmentType.docx, "附件_CON.docx")]
    [InlineData("名单\r\n.xls", AttachmentType.xls, "名单.xls")]
    public void Display_names_are_stripped_of_paths_controls_and_markup_and_carry_the_real_extension(string? uploaded, AttachmentType type, string expected) =>
        Assert.Equal(expected, Attachments.SafeDisplayName(uploaded, type));

    [Fact]
    public void Display_names_are_cut_to_a_readable_length() =>
        Assert.Equal(Attachments.MaxDisplayNameLength + ".pdf".Length, Attachments.SafeDisplayName(new string('长', 300) + ".pdf", AttachmentType.pdf).Length);

    [Fact]
    public void Stored_names_come_from_the_id_not_from_the_upload()
    {
        var id = Guid.Parse("0123456789abcdef0123456789abcdef");
        Assert.Equal("01/23/0123456789abcdef0123456789abcdef.jpg", Attachments.NewStoredName(AttachmentType.jpeg, id));
    }
}

using System.IO.Compression;
using System.Text;

namespace Gongkai.Catalog;

/// <summary>The file types an item may carry, told apart by content. Member names are the machine keys.</summary>
public enum AttachmentType { pdf, doc, docx, xls, xlsx, png, jpeg, gif }

/// <summary>Upload limits; bound from configuration section "Catalog:Attachments".</summary>
public sealed class AttachmentLimits
{
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;
    public long MaxImageBytes { get; set; } = 10 * 1024 * 1024;
    public int MaxPerItem { get; set; } = 20;
}

/// <summary>What an upload turned out to be, or why it is refused (a Chinese sentence for the uploader).</summary>
public sealed record AttachmentCheck(AttachmentType? Type, string? Error)
{
    public bool IsOk => Type is not null;
    public static AttachmentCheck Ok(AttachmentType type) => new(type, null);
    public static AttachmentCheck Refuse(string error) => new(null, error);
}

/// <summary>
/// Decides what an uploaded file is from its bytes (never from its name or the browser's
/// content type), names it safely for display, and names it unguessably for storage. The type
/// found in the content wins: a PNG uploaded as "photo.jpg" is kept as a PNG named "photo.png".
/// </summary>
public static class Attachments
{
    public static string Extension(this AttachmentType t) => "." + (t == AttachmentType.jpeg ? "jpg" : t.ToString());

    public static string ContentType(this AttachmentType t) => t switch
    {
        AttachmentType.pdf => "application/pdf",
        AttachmentType.doc => "application/msword",
        AttachmentType.docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        AttachmentType.xls => "application/vnd.ms-excel",
        AttachmentType.xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        AttachmentType.png => "image/png",
        AttachmentType.jpeg => "image/jpeg",
        AttachmentType.gif => "image/gif",
        _ => "application/octet-stream",
    };

    public static string Label(this AttachmentType t) => t switch
    {
        AttachmentType.pdf => "PDF",
        AttachmentType.doc or AttachmentType.docx => "Word",
        AttachmentType.xls or AttachmentType.xlsx => "Excel",
        _ => "图片",
    };

    public static bool IsImage(this AttachmentType t) => t is AttachmentType.png or AttachmentType.jpeg or AttachmentType.gif;

    /// <summary>Inspects a seekable stream (the upload, buffered). Reads what it needs and rewinds.</summary>
    public static AttachmentCheck Inspect(Stream content, AttachmentLimits limits)
    {
        if (!content.CanSeek) throw new ArgumentException("The upload must be buffered into a seekable stream.", nameof(content));
        var length = content.Length;
        if (length == 0) return AttachmentCheck.Refuse("文件是空的，请选择有内容的文件。");
        if (length > limits.MaxBytes) return AttachmentCheck.Refuse($"文件大小为 {Size(length)}，超过了 {Size(limits.MaxBytes)} 的上限，请压缩或拆分后再上传。");

        content.Position = 0;
        var head = new byte[1024];
        var n = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var h = head.AsSpan(0, n);
        content.Position = 0;

        AttachmentCheck result;
        if (h.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) result = AttachmentCheck.Ok(AttachmentType.png);
        else if (h.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) result = AttachmentCheck.Ok(AttachmentType.jpeg);
        else if (h.StartsWith("GIF87a"u8) || h.StartsWith("GIF89a"u8)) result = AttachmentCheck.Ok(AttachmentType.gif);
        else if (h.IndexOf("%PDF-"u8) >= 0) result = AttachmentCheck.Ok(AttachmentType.pdf);
        else if (h.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])) result = InspectCompoundFile(content);
        else if (h.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04])) result = InspectOpenXml(content);
        else result = AttachmentCheck.Refuse("只能上传 PDF、Word（doc/docx）、Excel（xls/xlsx）文件或 PNG、JPEG、GIF 图片；这个文件不是其中任何一种。");
        content.Position = 0;

        if (result.Type is { } type && type.IsImage() && length > limits.MaxImageBytes)
            return AttachmentCheck.Refuse($"图片大小为 {Size(length)}，超过了 {Size(limits.MaxImageBytes)} 的上限，请压缩后再上传。");
        return result;
    }

    /// <summary>Legacy Word and Excel files share one container; the name of their main stream tells them apart.</summary>
    private static AttachmentCheck InspectCompoundFile(Stream content)
    {
        var bytes = ReadAll(content);
        bool Has(string streamName) => bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(streamName)) >= 0;
        if (Has("EncryptedPackage")) return AttachmentCheck.Refuse("文件设置了密码，公众无法打开，请取消密码后再上传。");
        if (Has("_VBA_PROJECT") || Has("Macros")) return AttachmentCheck.Refuse(MacroMessage);
        if (Has("WordDocument")) return AttachmentCheck.Ok(AttachmentType.doc);
        if (Has("Workbook") || Has("Book")) return AttachmentCheck.Ok(AttachmentType.xls);
        return AttachmentCheck.Refuse("这个 Office 文件既不是 Word 文档也不是 Excel 表格，不能上传。");
    }

    private static AttachmentCheck InspectOpenXml(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase))) return AttachmentCheck.Refuse(MacroMessage);
            if (names.Contains("word/document.xml")) return AttachmentCheck.Ok(AttachmentType.docx);
            if (names.Contains("xl/workbook.xml")) return AttachmentCheck.Ok(AttachmentType.xlsx);
            return AttachmentCheck.Refuse("这是一个压缩包或其他 Office 格式，只能上传 Word（docx）和 Excel（xlsx）文件。");
        }
        catch (InvalidDataException)
        {
            return AttachmentCheck.Refuse("文件已损坏，无法打开，请检查后重新上传。");
        }
    }

    private const string MacroMessage = "文件包含宏，出于安全考虑不能上传；请另存为不含宏的 docx 或 xlsx 文件后再上传。";

    private static byte[] ReadAll(Stream content)
    {
        content.Position = 0;
        using var ms = new MemoryStream();
        content.CopyTo(ms);
        content.Position = 0;
        return ms.ToArray();
    }

    private static string Size(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : $"{Math.Max(1, bytes / 1024)} KB";

    private static readonly HashSet<string> ReservedDeviceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    public const int MaxDisplayNameLength = 100;

    /// <summary>
    /// The name shown to the public and offered on download: the last path segment of what was
    /// uploaded, without control, direction-override or reserved characters, with the extension
    /// of the type actually found.
    /// </summary>
    public static string SafeDisplayName(string? uploadedName, AttachmentType type)
    {
        var name = uploadedName ?? "";
        var slash = name.LastIndexOfAny(['/', '\\']);
        if (slash >= 0) name = name[(slash + 1)..];

        var sb = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1])) sb.Append(c).Append(name[++i]);
                continue; // an unpaired half is dropped
            }
            if (char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format) continue;
            if ("<>:\"|?*".Contains(c)) { sb.Append('_'); continue; }
            sb.Append(char.IsWhiteSpace(c) ? ' ' : c);
        }
        var cleaned = string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('.', ' ');

        var dot = cleaned.LastIndexOf('.');
        var stem = dot > 0 ? cleaned[..dot].TrimEnd('.', ' ') : cleaned;
        if (stem.Length > MaxDisplayNameLength) stem = stem[..MaxDisplayNameLength].TrimEnd('.', ' ');
        if (stem.Length > 0 && char.IsHighSurrogate(stem[^1])) stem = stem[..^1];
        if (stem.Length == 0) stem = "附件";
        if (ReservedDeviceNames.Contains(stem)) stem = "附件_" + stem;
        return stem + type.Extension();
    }

    /// <summary>A storage path unrelated to anything the uploader chose: two fan-out folders and a random name.</summary>
    public static string NewStoredName(AttachmentType type, Guid id)
    {
        var hex = id.ToString("N");
        return $"{hex[..2]}/{hex[2..4]}/{hex}{type.Extension()}";
    }
}

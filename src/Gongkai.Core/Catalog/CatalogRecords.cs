using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gongkai.Catalog;

/// <summary>
/// What the public sees of an item: the last published version, denormalised for the column,
/// the catalogue, search and the API. Replaced whenever a new version is published; its
/// validity and withdrawal follow the item.
/// </summary>
public sealed class PublishedItem
{
    public Guid ItemId { get; internal set; }
    public Guid AgencyId { get; internal set; }
    /// <summary>Orders by publication date, then publication order; also the row id of the SQLite search index.</summary>
    public long SearchKey { get; internal set; }
    public string IndexNo { get; internal set; } = "";
    public string Title { get; internal set; } = "";
    public string? DocNo { get; internal set; }
    public DisclosureCategory Category { get; internal set; }
    public Topic Topic { get; internal set; }
    public Genre Genre { get; internal set; }
    public ItemKind Kind { get; internal set; }
    public DisclosureMode Mode { get; internal set; }
    public WithholdingReason? WithholdingReason { get; internal set; }
    public DateOnly WrittenOn { get; internal set; }
    public DateOnly PublishedOn { get; internal set; }
    public int Year { get; internal set; }
    public string? Keywords { get; internal set; }
    public string? Summary { get; internal set; }
    public string? Body { get; internal set; }
    public int Version { get; internal set; }
    public DateTimeOffset UpdatedAt { get; internal set; }
    public Validity Validity { get; internal set; }
    public DateOnly? ValidityChangedOn { get; internal set; }
    public bool Withdrawn { get; internal set; }
    public DateOnly? WithdrawnOn { get; internal set; }
    public string? WithdrawnReason { get; internal set; }

    /// <summary>Shown to the public in the column and catalogue (主动公开 only; other modes are catalogued for staff).</summary>
    public bool IsListed => Mode == DisclosureMode.proactive;

    /// <summary>Day number × 2^24 + a running number: unique, and larger for later publication dates.</summary>
    public static long MakeSearchKey(DateOnly publishedOn, long sequence) => ((long)publishedOn.DayNumber << 24) | (sequence & 0xFFFFFF);

    internal void CopyFrom(InformationItem item, DateTimeOffset now)
    {
        (ItemId, AgencyId, IndexNo, Title, DocNo) = (item.Id, item.AgencyId, item.IndexNo!, item.Title, item.DocNo);
        (Category, Topic, Genre, Kind, Mode, WithholdingReason) = (item.Category, item.Topic, item.Genre, item.Kind, item.Mode, item.WithholdingReason);
        (WrittenOn, PublishedOn, Year) = (item.WrittenOn, item.PublishedOn!.Value, item.PublishedOn!.Value.Year);
        (Keywords, Summary, Body, Version, UpdatedAt) = (item.Keywords, item.Summary, item.Body, item.PublishedVersion, now);
        CopyStatusFrom(item);
    }

    internal void CopyStatusFrom(InformationItem item)
    {
        (Validity, ValidityChangedOn) = (item.Validity, item.ValidityChangedOn);
        (Withdrawn, WithdrawnOn, WithdrawnReason) = (item.Status == ItemStatus.withdrawn, item.WithdrawnOn, item.WithdrawnReason);
    }
}

/// <summary>One published version of an item, kept for the history staff can see. Never changed.</summary>
public sealed class ItemVersion
{
    public long Id { get; private set; }
    public Guid ItemId { get; private set; }
    public int Version { get; private set; }
    public DateTimeOffset PublishedAt { get; private set; }
    public string PublishedBy { get; private set; } = "";
    /// <summary>The content of this version as JSON (<see cref="ItemContent"/>).</summary>
    public string ContentJson { get; private set; } = "";

    internal static ItemVersion Of(InformationItem item, DateTimeOffset at, string reviewer) => new()
    {
        ItemId = item.Id, Version = item.PublishedVersion, PublishedAt = at, PublishedBy = reviewer,
        ContentJson = JsonSerializer.Serialize(item.Content, Json),
    };

    public ItemContent Content => JsonSerializer.Deserialize<ItemContent>(ContentJson, Json)!;

    // Chinese text stays as it is instead of \uXXXX escapes (6 bytes a character instead of 3): the
    // JSON is only stored, never put into HTML, and a bulk import writes one per row.
    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };
}

public enum ReviewDecision { approved, returned }

/// <summary>The record of a review (保密审查): who decided what, on which basis, with which comment.</summary>
public sealed class ItemReview
{
    public long Id { get; private set; }
    public Guid ItemId { get; private set; }
    /// <summary>The version the approval published (or would have been, for a return).</summary>
    public int Version { get; private set; }
    public ReviewDecision Decision { get; private set; }
    /// <summary>审查依据, e.g. 《保守国家秘密法》及本机关保密审查制度.</summary>
    public string Basis { get; private set; } = "";
    public string? Comment { get; private set; }
    public Guid ReviewerId { get; private set; }
    public string ReviewerName { get; private set; } = "";
    public DateTimeOffset At { get; private set; }

    internal static ItemReview Record(Guid itemId, int version, ReviewDecision decision, string basis, string? comment,
        Guid reviewerId, string reviewerName, DateTimeOffset at) => new()
    {
        ItemId = itemId, Version = version, Decision = decision, Basis = basis, Comment = comment,
        ReviewerId = reviewerId, ReviewerName = reviewerName, At = at,
    };
}

/// <summary>A file attached to an item, stored outside the web root under <see cref="StoredName"/>.</summary>
public sealed class ItemAttachment
{
    public Guid Id { get; private set; }
    public Guid ItemId { get; private set; }
    public string DisplayName { get; private set; } = "";
    public AttachmentType Type { get; private set; }
    public long Size { get; private set; }
    public string StoredName { get; private set; } = "";
    public string Sha256 { get; private set; } = "";
    public DateTimeOffset UploadedAt { get; private set; }
    /// <summary>Set when the item is published with this file; the public sees only published files.</summary>
    public DateTimeOffset? PublishedAt { get; internal set; }
    /// <summary>Removal requested in a revision; carried out when the revision is published.</summary>
    public bool PendingRemoval { get; internal set; }
    public DateTimeOffset? RemovedAt { get; internal set; }

    public bool IsPublic => PublishedAt is not null && RemovedAt is null;

    internal static ItemAttachment Create(Guid id, Guid itemId, string displayName, AttachmentType type, long size, string storedName, string sha256, DateTimeOffset at) => new()
    {
        Id = id, ItemId = itemId, DisplayName = displayName, Type = type, Size = size, StoredName = storedName, Sha256 = sha256, UploadedAt = at,
    };
}

/// <summary>The last serial issued per agency and counter year (see <see cref="IndexNumbers.CounterYear"/>). Only ever goes up.</summary>
public sealed class IndexCounter
{
    public Guid AgencyId { get; internal set; }
    public int Year { get; internal set; }
    public long Last { get; internal set; }
}

/// <summary>An agency's catalogue settings and its two editable pages: the guide (指南) and the rules (制度).</summary>
public sealed class AgencyCatalogSettings
{
    public Guid AgencyId { get; internal set; }
    public IndexNumberPattern IndexPattern { get; internal set; } = IndexNumbers.Default;
    public Art21Level Art21Level { get; internal set; }
    /// <summary>The guide's own text (分类、编排体系、获取方式 …); the office's contact details come from the agency.</summary>
    public string? GuideMarkdown { get; internal set; }
    public DateTimeOffset? GuideUpdatedAt { get; internal set; }
    public string? RulesMarkdown { get; internal set; }
    public DateTimeOffset? RulesUpdatedAt { get; internal set; }
    /// <summary>Increases with every save (0 until the first); a save from a page showing an older version is refused.</summary>
    public long Version { get; internal set; }

    /// <summary>Settings of an agency whose admin has not chosen any: the default pattern, and the Art. 21 list of its level.</summary>
    public static AgencyCatalogSettings Default(Guid agencyId, Agencies.AgencyKind kind) => new()
    {
        AgencyId = agencyId,
        // A county's government and departments take the "county level" list; townships their own.
        Art21Level = kind == Agencies.AgencyKind.township ? Art21Level.township : Art21Level.city_county,
    };
}

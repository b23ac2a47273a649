using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Catalog;

/// <summary>
/// The persisted twin of <see cref="CatalogVersion"/>: a single row (Id 1) whose <see cref="Value"/> is set to a
/// new random value by every save that changes public catalogue data, in that save's own transaction — whichever
/// process saves (web or the <c>gongkai</c> command line). A reader that sees a new value therefore also sees the
/// change. Written by <see cref="Gongkai.Data.SaveSignals"/>; read by the web process's page cache at most once a second.
/// A random value rather than a counter: concurrent writers need no read-modify-write, each commit just leaves a value
/// no reader has seen before.
/// </summary>
public sealed class CatalogStamp
{
    public const int RowId = 1;

    public int Id { get; set; } = RowId;
    public Guid Value { get; set; }
}

public sealed class CatalogStampConfiguration : IEntityTypeConfiguration<CatalogStamp>
{
    public void Configure(EntityTypeBuilder<CatalogStamp> b)
    {
        b.ToTable("catalog_stamp");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Catalog;

/// <summary>EF mapping of the catalogue tables (migration 20261123000100_Catalog). The search index tables are raw SQL, see <see cref="CatalogSearchIndex"/>.</summary>
public static class CatalogConfiguration
{
    public static void Apply(ModelBuilder builder)
    {
        builder.Entity<InformationItem>(Item);
        builder.Entity<PublishedItem>(Published);
        builder.Entity<ItemVersion>(b =>
        {
            b.ToTable("catalog_item_versions");
            b.HasKey(v => v.Id);
            b.Property(v => v.PublishedBy).HasMaxLength(64).IsRequired();
            b.Property(v => v.ContentJson).IsRequired();
            b.HasIndex(v => new { v.ItemId, v.Version }).IsUnique();
        });
        builder.Entity<ItemReview>(b =>
        {
            b.ToTable("catalog_item_reviews");
            b.HasKey(r => r.Id);
            b.Property(r => r.Decision).HasConversion<string>().HasMaxLength(20);
            b.Property(r => r.Basis).HasMaxLength(ItemLimits.Reason).IsRequired();
            b.Property(r => r.Comment).HasMaxLength(ItemLimits.Reason);
            b.Property(r => r.ReviewerName).HasMaxLength(64).IsRequired();
            b.HasIndex(r => r.ItemId);
        });
        builder.Entity<ItemAttachment>(b =>
        {
            b.ToTable("catalog_attachments");
            b.HasKey(a => a.Id);
            b.Property(a => a.DisplayName).HasMaxLength(120).IsRequired();
            b.Property(a => a.Type).HasConversion<string>().HasMaxLength(10);
            b.Property(a => a.StoredName).HasMaxLength(80).IsRequired();
            b.Property(a => a.Sha256).HasMaxLength(64).IsRequired();
            b.HasIndex(a => a.ItemId);
        });
        builder.Entity<IndexCounter>(b =>
        {
            b.ToTable("catalog_index_counters");
            b.HasKey(c => new { c.AgencyId, c.Year });
            // Two publications drawing from one counter at once: the second write is refused, never a number given twice.
            b.Property(c => c.Last).IsConcurrencyToken();
        });
        builder.Entity<AgencyCatalogSettings>(b =>
        {
            b.ToTable("catalog_agency_settings");
            b.HasKey(s => s.AgencyId);
            b.Property(s => s.IndexPattern).HasConversion<string>().HasMaxLength(40);
            b.Property(s => s.Art21Level).HasConversion<string>().HasMaxLength(20);
            b.Property(s => s.Version).IsConcurrencyToken();
        });
    }

    private static void Item(EntityTypeBuilder<InformationItem> b)
    {
        b.ToTable("catalog_items");
        b.HasKey(i => i.Id);
        b.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Title).HasMaxLength(ItemLimits.Title).IsRequired();
        b.Property(i => i.DocNo).HasMaxLength(ItemLimits.DocNo);
        b.Property(i => i.Category).HasConversion<string>().HasMaxLength(40);
        b.Property(i => i.Topic).HasConversion<string>().HasMaxLength(40);
        b.Property(i => i.Genre).HasConversion<string>().HasMaxLength(40);
        b.Property(i => i.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(i => i.Keywords).HasMaxLength(ItemLimits.Keywords);
        b.Property(i => i.Summary).HasMaxLength(ItemLimits.Summary);
        b.Property(i => i.Mode).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.WithholdingReason).HasConversion<string>().HasMaxLength(40);
        b.Property(i => i.IndexNo).HasMaxLength(IndexNumbers.MaxLength);
        b.Property(i => i.Validity).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.ValidityReason).HasMaxLength(ItemLimits.Reason);
        b.Property(i => i.WithdrawnReason).HasMaxLength(ItemLimits.Reason);
        b.Property(i => i.ReturnReason).HasMaxLength(ItemLimits.Reason);
        b.Property(i => i.RowVersion).IsConcurrencyToken();
        b.HasIndex(i => new { i.AgencyId, i.Status });
        // Unique per agency, and never reused: the counters only go up and items are never deleted once published.
        b.HasIndex(i => new { i.AgencyId, i.IndexNo }).IsUnique();
        b.HasMany<ItemAttachment>().WithOne().HasForeignKey(a => a.ItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany<ItemVersion>().WithOne().HasForeignKey(v => v.ItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany<ItemReview>().WithOne().HasForeignKey(r => r.ItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Agencies.Agency>().WithMany().HasForeignKey(i => i.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }

    private static void Published(EntityTypeBuilder<PublishedItem> b)
    {
        b.ToTable("catalog_published");
        b.HasKey(p => p.ItemId);
        b.HasOne<InformationItem>().WithOne().HasForeignKey<PublishedItem>(p => p.ItemId).OnDelete(DeleteBehavior.Restrict);
        b.Property(p => p.IndexNo).HasMaxLength(IndexNumbers.MaxLength).IsRequired();
        b.Property(p => p.Title).HasMaxLength(ItemLimits.Title).IsRequired();
        b.Property(p => p.DocNo).HasMaxLength(ItemLimits.DocNo);
        b.Property(p => p.Category).HasConversion<string>().HasMaxLength(40);
        b.Property(p => p.Topic).HasConversion<string>().HasMaxLength(40);
        b.Property(p => p.Genre).HasConversion<string>().HasMaxLength(40);
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(p => p.Mode).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.WithholdingReason).HasConversion<string>().HasMaxLength(40);
        b.Property(p => p.Keywords).HasMaxLength(ItemLimits.Keywords);
        b.Property(p => p.Summary).HasMaxLength(ItemLimits.Summary);
        b.Property(p => p.Validity).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.WithdrawnReason).HasMaxLength(ItemLimits.Reason);
        b.Ignore(p => p.IsListed);
        b.HasIndex(p => p.SearchKey).IsUnique();
        b.HasIndex(p => new { p.AgencyId, p.SearchKey });
        b.HasIndex(p => new { p.Category, p.SearchKey });
        b.HasIndex(p => new { p.Year, p.SearchKey });
    }
}

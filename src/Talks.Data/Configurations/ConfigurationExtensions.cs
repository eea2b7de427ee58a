using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talks.Data.Entities;

namespace Talks.Data.Configurations;

internal static class ConfigurationExtensions
{
    public const int IdLength = 100;
    public const int NameLength = 200;
    public const int TextLength = 4000;

    /// <summary>The columns every record shares: slug key, concurrency version, timestamps.</summary>
    public static void ConfigureEntity<T>(this EntityTypeBuilder<T> builder) where T : Entity
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(IdLength);
        builder.Property(e => e.Version).IsConcurrencyToken();
    }

    /// <summary>The columns of a name a party or person is also known by; the name is what search and pickers look in.</summary>
    public static void ConfigureOtherName<T>(this EntityTypeBuilder<T> builder) where T : OtherName
    {
        builder.Property(n => n.Name).HasMaxLength(NameLength);
        builder.Property(n => n.Language).HasMaxLength(35);
    }

    public static void ConfigureCited<T>(this EntityTypeBuilder<T> builder) where T : CitedEntity
    {
        builder.ConfigureEntity();
        builder.PrimitiveCollection(e => e.SourceIds).IsRequired();
    }
}

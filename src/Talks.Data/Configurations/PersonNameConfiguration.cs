using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Talks.Data.Entities;

namespace Talks.Data.Configurations;

internal sealed class PersonNameConfiguration : IEntityTypeConfiguration<PersonName>
{
    public void Configure(EntityTypeBuilder<PersonName> builder)
    {
        builder.HasKey(n => new { n.PersonId, n.Ordinal });
        builder.Property(n => n.PersonId).HasMaxLength(ConfigurationExtensions.IdLength);
        builder.ConfigureOtherName();
    }
}

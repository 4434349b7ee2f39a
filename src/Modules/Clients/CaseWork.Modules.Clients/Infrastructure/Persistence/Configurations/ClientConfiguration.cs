using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.Clients.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseWork.Modules.Clients.Infrastructure.Persistence.Configurations;

internal sealed class ClientConfiguration : IEntityTypeConfiguration<Client>
{
    public void Configure(EntityTypeBuilder<Client> builder)
    {
        builder.ToTable("clients");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasColumnName("id").HasTypedId().ValueGeneratedNever();
        builder.Property(c => c.OfficeId).HasColumnName("office_id").HasTypedId();
        builder.Property(c => c.PseudonymCode).HasColumnName("pseudonym_code").HasMaxLength(16);
        builder.Property(c => c.GivenNames).HasColumnName("given_names").HasMaxLength(200);
        builder.Property(c => c.FamilyNames).HasColumnName("family_names").HasMaxLength(200);
        builder.Property(c => c.GivenNamesLatin).HasColumnName("given_names_latin").HasMaxLength(200);
        builder.Property(c => c.FamilyNamesLatin).HasColumnName("family_names_latin").HasMaxLength(200);
        builder.Property(c => c.OtherNames).HasJsonConversion("other_names");
        builder.Property(c => c.BirthPrecision).HasColumnName("birth_precision").HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.BirthYear).HasColumnName("birth_year");
        builder.Property(c => c.BirthDate).HasColumnName("birth_date");
        builder.Property(c => c.Gender).HasColumnName("gender").HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Nationalities).HasJsonConversion("nationalities");
        builder.Property(c => c.Languages).HasJsonConversion("languages");
        builder.Property(c => c.PreferredLanguage).HasColumnName("preferred_language").HasMaxLength(16);
        builder.Property(c => c.Interpreter).HasJsonConversion("interpreter");
        builder.Property(c => c.ContactChannels).HasJsonConversion("contact_channels");
        builder.Property(c => c.ReminderChannel).HasColumnName("reminder_channel").HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.ResidenceStatus).HasColumnName("residence_status").HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.ResidenceStatusExpiresOn).HasColumnName("residence_status_expires_on");
        builder.Property(c => c.Housing).HasColumnName("housing").HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.Household).HasJsonConversion("household");
        builder.Property(c => c.SearchKey).HasColumnName("search_key").HasMaxLength(ClientSearchKey.MaxKeyLength);
        builder.Property(c => c.State).HasColumnName("state").HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.MergedInto).HasColumnName("merged_into").HasTypedId();
        builder.Property(c => c.RegisteredAt).HasColumnName("registered_at");
        builder.Property(c => c.ConvertedFromContactId).HasColumnName("converted_from_contact_id");
        builder.Property(c => c.AnonymisedAt).HasColumnName("anonymised_at");
        builder.Property(c => c.AnonymisationReason).HasColumnName("anonymisation_reason").HasMaxLength(500);
        builder.Property(c => c.Version).HasColumnName("version");
        builder.Ignore(c => c.DateOfBirth);
        builder.Ignore(c => c.DisplayName);
        builder.Ignore(c => c.Initials);
        builder.Ignore(c => c.IsAnonymised);
        builder.Ignore(c => c.ReminderAddress);

        builder.HasIndex(c => new { c.OfficeId, c.PseudonymCode }).IsUnique().HasDatabaseName("ux_clients_office_pseudonym_code");
        builder.HasIndex(c => new { c.OfficeId, c.BirthYear }).HasDatabaseName("ix_clients_office_birth_year");
    }
}

internal sealed class ClientSearchTermConfiguration : IEntityTypeConfiguration<ClientSearchTerm>
{
    public void Configure(EntityTypeBuilder<ClientSearchTerm> builder)
    {
        builder.ToTable("client_search_terms");
        builder.HasKey(t => new { t.ClientId, t.Term });
        builder.Property(t => t.ClientId).HasColumnName("client_id").HasTypedId();
        builder.Property(t => t.Term).HasColumnName("term").HasMaxLength(200);
        builder.Property(t => t.OfficeId).HasColumnName("office_id").HasTypedId();
        builder.HasIndex(t => new { t.OfficeId, t.Term, t.ClientId }).HasDatabaseName("ix_client_search_terms_office_term");
    }
}

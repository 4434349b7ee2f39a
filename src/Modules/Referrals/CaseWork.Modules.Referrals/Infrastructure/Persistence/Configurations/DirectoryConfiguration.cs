using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.Referrals.Domain.Directory;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseWork.Modules.Referrals.Infrastructure.Persistence.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> e)
    {
        e.ToTable("organisations");
        e.HasKey(o => o.Id);
        e.Property(o => o.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(o => o.OfficeId).HasColumnName("office_id").HasTypedId();
        e.Property(o => o.Name).HasColumnName("name").HasMaxLength(200).IsRequired();
        e.Property(o => o.Description).HasColumnName("description").HasMaxLength(4000);
        e.Property(o => o.Email).HasColumnName("email").HasMaxLength(200);
        e.Property(o => o.Website).HasColumnName("website").HasMaxLength(300);
        e.Property(o => o.Phone).HasColumnName("phone").HasMaxLength(50);
        e.Property(o => o.Version).HasColumnName("version");
        e.HasIndex(o => o.OfficeId).HasDatabaseName("IX_organisations_office_id");
        e.HasMany(o => o.Locations).WithOne().HasForeignKey(l => l.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(o => o.Contacts).WithOne().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(o => o.Locations).HasField("_locations");
        e.Navigation(o => o.Contacts).HasField("_contacts");
    }
}

internal sealed class LocationConfiguration : IEntityTypeConfiguration<Location>
{
    public void Configure(EntityTypeBuilder<Location> e)
    {
        e.ToTable("locations");
        e.HasKey(l => l.Id);
        e.Property(l => l.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(l => l.OrganisationId).HasColumnName("organisation_id");
        e.Property(l => l.Name).HasColumnName("name").HasMaxLength(200).IsRequired();
        e.Property(l => l.IsVirtual).HasColumnName("is_virtual");
        e.Property(l => l.Street).HasColumnName("street").HasMaxLength(200);
        e.Property(l => l.PostalCode).HasColumnName("postal_code").HasMaxLength(20);
        e.Property(l => l.City).HasColumnName("city").HasMaxLength(100);
        e.Property(l => l.Accessibility).HasColumnName("accessibility").HasMaxLength(1000);
        e.Ignore(l => l.AddressLine);
        e.HasMany(l => l.OpeningHours).WithOne().HasForeignKey(h => h.LocationId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(l => l.OpeningHours).HasField("_openingHours");
    }
}

internal sealed class OpeningHoursConfiguration : IEntityTypeConfiguration<OpeningHours>
{
    public void Configure(EntityTypeBuilder<OpeningHours> e)
    {
        e.ToTable("opening_hours");
        e.HasKey(h => h.Id);
        e.Property(h => h.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(h => h.LocationId).HasColumnName("location_id");
        e.Property(h => h.Frequency).HasColumnName("frequency").HasMaxLength(10).IsRequired();
        e.Property(h => h.ByDay).HasColumnName("by_day").HasMaxLength(50).IsRequired();
        e.Property(h => h.OpensAt).HasColumnName("opens_at");
        e.Property(h => h.ClosesAt).HasColumnName("closes_at");
        e.Property(h => h.Description).HasColumnName("description").HasMaxLength(200);
        e.Ignore(h => h.RecurrenceRule);
    }
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> e)
    {
        e.ToTable("contacts");
        e.HasKey(c => c.Id);
        e.Property(c => c.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(c => c.OrganisationId).HasColumnName("organisation_id");
        e.Property(c => c.ServiceId).HasColumnName("service_id");
        e.Property(c => c.Name).HasColumnName("name").HasMaxLength(200).IsRequired();
        e.Property(c => c.Title).HasColumnName("title").HasMaxLength(100);
        e.Property(c => c.Email).HasColumnName("email").HasMaxLength(200);
        e.Property(c => c.Phone).HasColumnName("phone").HasMaxLength(50);
    }
}

internal sealed class PartnerServiceConfiguration : IEntityTypeConfiguration<PartnerService>
{
    public void Configure(EntityTypeBuilder<PartnerService> e)
    {
        e.ToTable("services");
        e.HasKey(s => s.Id);
        e.Property(s => s.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(s => s.OfficeId).HasColumnName("office_id").HasTypedId();
        e.Property(s => s.OrganisationId).HasColumnName("organisation_id");
        e.Property(s => s.Name).HasColumnName("name").HasMaxLength(200).IsRequired();
        e.Property(s => s.Type).HasColumnName("type").HasMaxLength(32).IsRequired();
        e.Property(s => s.IsPublicBody).HasColumnName("is_public_body");
        e.Property(s => s.Description).HasColumnName("description").HasMaxLength(4000);
        e.Property(s => s.Eligibility).HasColumnName("eligibility").HasMaxLength(2000);
        e.Property(s => s.LanguageCodes).HasColumnName("language_codes").HasMaxLength(400).IsRequired();
        e.Property(s => s.Fees).HasColumnName("fees").HasMaxLength(1000);
        e.Property(s => s.DocumentsToBring).HasColumnName("documents_to_bring").HasMaxLength(2000);
        e.Property(s => s.HowToApply).HasColumnName("how_to_apply").HasMaxLength(2000);
        e.Property(s => s.TypicalWaitingDays).HasColumnName("typical_waiting_days");
        e.Property(s => s.TakingNewClients).HasColumnName("taking_new_clients");
        e.Property(s => s.Email).HasColumnName("email").HasMaxLength(200);
        e.Property(s => s.Version).HasColumnName("version");
        e.Ignore(s => s.Languages);
        e.HasIndex(s => new { s.OfficeId, s.Type }).HasDatabaseName("IX_services_office_id_type");
        e.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(s => s.Locations).WithOne().HasForeignKey(l => l.ServiceId).OnDelete(DeleteBehavior.Cascade);
        e.Navigation(s => s.Locations).HasField("_locations");
    }
}

internal sealed class ServiceAtLocationConfiguration : IEntityTypeConfiguration<ServiceAtLocation>
{
    public void Configure(EntityTypeBuilder<ServiceAtLocation> e)
    {
        e.ToTable("service_at_locations");
        e.HasKey(s => s.Id);
        e.Property(s => s.Id).HasColumnName("id").ValueGeneratedNever();
        e.Property(s => s.ServiceId).HasColumnName("service_id");
        e.Property(s => s.LocationId).HasColumnName("location_id");
        e.HasIndex(s => new { s.ServiceId, s.LocationId }).IsUnique().HasDatabaseName("IX_service_at_locations_service_id_location_id");
        e.HasOne<Location>().WithMany().HasForeignKey(s => s.LocationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PartnerAccountConfiguration : IEntityTypeConfiguration<PartnerAccount>
{
    public void Configure(EntityTypeBuilder<PartnerAccount> e)
    {
        e.ToTable("partner_accounts");
        e.HasKey(p => p.UserId);
        e.Property(p => p.UserId).HasColumnName("user_id").HasTypedId().ValueGeneratedNever();
        e.Property(p => p.OfficeId).HasColumnName("office_id").HasTypedId();
        e.Property(p => p.OrganisationId).HasColumnName("organisation_id");
        e.HasIndex(p => p.OrganisationId).HasDatabaseName("IX_partner_accounts_organisation_id");
        e.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

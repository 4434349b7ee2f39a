using CaseWork.BuildingBlocks.Ids;

namespace CaseWork.Modules.Referrals.Domain.Referrals;

/// <summary>What the Clients module's consent register answered for this recipient, these categories and today.</summary>
internal sealed record ConsentAnswer(bool Covered, Guid? ConsentId, IReadOnlyList<string> MissingCategories);

/// <summary>A supervisor's written decision to send without a covering consent (e.g. danger to life).</summary>
internal sealed record ConsentOverride(UserId SupervisorId, string SupervisorName, string Reason);

/// <summary>The basis on which a referral's data is shared: a consent, or an audited supervisor override.</summary>
internal sealed record SharingBasis(Guid? ConsentId, ConsentOverride? Override)
{
    /// <summary>
    /// The consent gate: sending is allowed only when a valid consent covers the recipient and every category today, or
    /// when a supervisor overrides with a written reason. Returns the basis, or why not.
    /// </summary>
    public static (SharingBasis? Basis, string? Refusal) Decide(ConsentAnswer? answer, ConsentOverride? supervisorOverride)
    {
        if (answer is { Covered: true, ConsentId: { } consentId })
        {
            return (new SharingBasis(consentId, null), null);
        }

        if (supervisorOverride is not null)
        {
            if (string.IsNullOrWhiteSpace(supervisorOverride.Reason) || supervisorOverride.Reason.Trim().Length < 10)
            {
                return (null, "override-reason-required");
            }

            return (new SharingBasis(null, supervisorOverride with { Reason = supervisorOverride.Reason.Trim() }), null);
        }

        return (null, answer is null ? "consent-register-unavailable" : "consent-missing");
    }
}

/// <summary>What a referral shares by default, and what needs the public-body warning acknowledged.</summary>
internal static class SharingPolicy
{
    /// <summary>The minimum: enough for the agency to identify and reach the client.</summary>
    public static IReadOnlyList<string> Minimum { get; } = ["identity", "contact"];

    /// <summary>The default for other agencies: the minimum plus the needs the referral is about.</summary>
    public static IReadOnlyList<string> DefaultForAgency { get; } = ["identity", "contact", "needs"];

    /// <summary>
    /// Public bodies may be obliged to pass what they learn to the immigration office (§ 87 AufenthG, § 71 SGB X): they get
    /// the minimum by default, and anything beyond it only after the worker has acknowledged the warning.
    /// </summary>
    public static IReadOnlyList<string> DefaultFor(bool publicBody) => publicBody ? Minimum : DefaultForAgency;

    public static bool NeedsPublicBodyAcknowledgement(bool publicBody, IEnumerable<string> categories) =>
        publicBody && categories.Any(c => !Minimum.Contains(c, StringComparer.Ordinal));
}

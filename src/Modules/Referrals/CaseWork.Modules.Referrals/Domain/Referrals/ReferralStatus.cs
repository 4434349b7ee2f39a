namespace CaseWork.Modules.Referrals.Domain.Referrals;

/// <summary>Where a referral stands. Stored by name (snake case) so a reordering never changes history.</summary>
internal enum ReferralStatus
{
    Draft,
    Sent,
    Accepted,
    Declined,
    Waitlisted,
    InProgress,
    Completed,
    Withdrawn,
    Expired,
}

/// <summary>How a referral ended, as published in <c>ReferralCompleted</c>.</summary>
internal enum ReferralOutcome
{
    GoalReached,
    PartlyReached,
    NotReached,
    ClientWithdrew,
    DidNotAttend,
}

/// <summary>Who declined.</summary>
internal enum DeclinedBy
{
    Agency,
    Client,
}

/// <summary>Coded reasons for a decline, so the supervisors' view can count them.</summary>
internal enum DeclineReason
{
    NoCapacity,
    NotEligible,
    NotResponsible,
    ClientDeclined,
    ClientUnreachable,
    Other,
}

/// <summary>How urgent the referral is for the client.</summary>
internal enum ReferralUrgency
{
    Normal,
    Urgent,
    Emergency,
}

/// <summary>The stored and published codes of the enums (snake case, stable).</summary>
internal static class ReferralCodes
{
    public static string Code<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }

    public static bool TryParse<TEnum>(string? code, out TEnum value)
        where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Code(candidate), code, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    public static IReadOnlyList<string> All<TEnum>()
        where TEnum : struct, Enum => Enum.GetValues<TEnum>().Select(Code).ToList();
}

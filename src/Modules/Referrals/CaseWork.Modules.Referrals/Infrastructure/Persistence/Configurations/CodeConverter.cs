using CaseWork.Modules.Referrals.Domain.Referrals;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CaseWork.Modules.Referrals.Infrastructure.Persistence.Configurations;

/// <summary>Stores an enum by its stable snake-case code ("in_progress"), the same code the events and exports use.</summary>
internal sealed class CodeConverter<TEnum>() : ValueConverter<TEnum, string>(v => ReferralCodes.Code(v), s => Parse(s))
    where TEnum : struct, Enum
{
    private static TEnum Parse(string code) =>
        ReferralCodes.TryParse<TEnum>(code, out var value) ? value : throw new InvalidOperationException($"Unknown {typeof(TEnum).Name} code '{code}'.");
}

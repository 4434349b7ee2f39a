using Quartz;

namespace CaseWork.Modules.CanaryB.Domain.Reminders;

/// <summary>Violation: Quartz in a nested Domain namespace, only inside a method body.</summary>
internal static class ReminderSchedule
{
    public static DateTimeOffset? NextAfter(string cron, DateTimeOffset instant) => new CronExpression(cron).GetNextValidTimeAfter(instant);
}

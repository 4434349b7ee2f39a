namespace CaseWork.Modules.InterpreterBooking.Contracts;

/// <summary>Names shared with other modules: the module name as used in events, jobs and the audit trail.</summary>
public static class InterpreterBookingContract
{
    /// <summary>The module name.</summary>
    public const string ModuleName = "InterpreterBooking";
}

namespace CaseWork.Modules.DebtCounselling.Contracts;

/// <summary>Names shared with other modules: the module name as used in events, jobs and the audit trail.</summary>
public static class DebtCounsellingContract
{
    /// <summary>The module name.</summary>
    public const string ModuleName = "DebtCounselling";
}

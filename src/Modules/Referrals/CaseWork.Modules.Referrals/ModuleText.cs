namespace CaseWork.Modules.Referrals;

/// <summary>Marker for the module's texts: German is the key, English lives in <c>Resources/ModuleText.en.resx</c>.</summary>
internal sealed class ModuleText;

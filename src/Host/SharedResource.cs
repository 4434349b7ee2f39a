namespace CaseWork.Host;

/// <summary>Marker type for the shared UI strings. Keys are the German texts (German first); Resources/SharedResource.en.resx holds English.</summary>
internal sealed class SharedResource;

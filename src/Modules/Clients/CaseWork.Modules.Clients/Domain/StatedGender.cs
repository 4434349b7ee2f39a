namespace CaseWork.Modules.Clients.Domain;

/// <summary>The gender as far as the person stated it; only a stated female/male difference counts against a match.</summary>
internal enum StatedGender
{
    NotStated,
    Female,
    Male,
    Diverse,
}

namespace Gongkai.Catalog;

/// <summary>Field lengths of an information item, shared by the entity, the forms and the import.</summary>
public static class ItemLimits
{
    public const int Title = 200;
    public const int DocNo = 100;
    public const int Keywords = 200;
    public const int Summary = 1000;
    public const int Body = 200_000;
    public const int Reason = 500;
}

namespace Hierarchy.Domain.People;

/// <summary>Masks personal data for callers who may not see it: names keep the surname, phones the first 3 and last 4 digits.</summary>
public static class PersonalDataMask
{
    /// <summary>Masks a name: 张伟 → 张*, 欧阳娜娜 → 欧***.</summary>
    public static string Name(string name) => name.Length <= 1 ? "*" : name[0] + new string('*', name.Length - 1);

    /// <summary>Masks a phone: 13812345678 → 138****5678.</summary>
    public static string Phone(string phone) =>
        phone.Length < 8 ? new string('*', phone.Length) : string.Concat(phone.AsSpan(0, 3), new string('*', phone.Length - 7), phone.AsSpan(phone.Length - 4));
}

namespace Gongkai.Core.Tests.Search;

/// <summary>A small corpus and the queries that exercise each tokenizer rule, shared by the engine agreement tests.</summary>
public static class SearchCorpus
{
    public sealed record Doc(string Title, string DocNo, string Keywords, string Summary, string Body);

    public static readonly Doc[] Docs =
    [
        new("关于提高城乡低保标准的通知", "开府办发〔2019〕38号", "低保 社会救助", "调整城乡居民最低生活保障标准", "自2019年7月1日起，城乡低保标准每人每月提高50元。"),
        new("关于做好城乡居民医保缴费工作的通知", "开府办发〔2019〕39号", "医保", "居民医保缴费", "请各乡镇做好医保缴费宣传，缴费标准见附件。"),
        new("集体土地征地补偿标准公告", "开府发〔2018〕38号", "征地 补偿", "公布征地补偿标准", "征地补偿标准按区片综合地价执行。"),
        new("国有土地上房屋征收决定", "开府发〔2020〕5号", "房屋征收", "某地块房屋征收", "征收范围内房屋，补偿方式为货币补偿或产权调换。"),
        new("县税务局2020年工作总结", "", "税务", "工作总结", "依法纳税宣传月活动；GDP增长6.5%。"),
        new("醫療保障局機構職能", "", "機構", "機構職能", "負責全縣醫保基金監管。"),
        new("<script>alert(1)</script>", "", "", "", "javascript:alert(1) 低保"),
        new("低保对象名单公示", "", "", "", "低保"),
        new("征地。补偿说明", "", "", "", "本文件说明土地征收程序"),
    ];

    public static readonly string[] Queries =
    [
        "低保", "医保", "征地", "征地补偿", "\"征地补偿标准\"", "税", "纳税", "补偿", "开府办发〔2019〕38号", "开府办发[2019]38号",
        "开府办发（2019）38号", "开府发【2018】38号", "38号", "醫保", "徵地補償", "低保 -医保", "医保 缴费", "gdp", "2019年", "script",
        "标准", "机构", "保", "低保标准", "房屋征收", "征收 -征地",
    ];
}

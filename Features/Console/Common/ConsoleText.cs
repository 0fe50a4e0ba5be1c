using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;

namespace VoiceHelper.Console.Common;

/// <summary>
/// The interface text in English (the keys) and Chinese. A missing translation shows the English text, so a new label
/// is never blank.
/// </summary>
public sealed class ConsoleText(ProtectedLocalStorage storage)
{
    private const string StorageKey = "voicehelper.language";

    public static readonly string[] Languages = ["en", "zh"];

    public string Language { get; private set; } = "en";

    public string this[string english] => Language == "zh" && Chinese.TryGetValue(english, out var text) ? text : english;

    public async Task RestoreAsync()
    {
        var stored = await storage.GetAsync<string>(StorageKey);
        if (stored.Success && Languages.Contains(stored.Value))
        {
            Language = stored.Value!;
        }
    }

    public async Task SetAsync(string language)
    {
        Language = Languages.Contains(language) ? language : "en";
        await storage.SetAsync(StorageKey, Language);
    }

    private static readonly Dictionary<string, string> Chinese = new()
    {
        ["Routing strategy"] = "路由策略",
        ["Default order"] = "默认顺序",
        ["Save"] = "保存",
        ["Actions"] = "操作",
        ["Edit"] = "编辑",
        ["Delete this model?"] = "删除此模型？",
        ["Add a model"] = "添加模型",
        ["Edit model"] = "编辑模型",
        ["Add model"] = "添加模型",
        ["Endpoint"] = "接口地址",
        ["Provider's model name"] = "服务商模型名",
        ["Provider API key"] = "服务商 API 密钥",
        ["Provider API key (empty keeps it)"] = "服务商 API 密钥（留空则保持不变）",
        ["Input price per 1K tokens (USD)"] = "输入价格（每千 token，美元）",
        ["Output price per 1K tokens (USD)"] = "输出价格（每千 token，美元）",
        ["Quality tier (1–5)"] = "质量等级（1–5）",
        ["Please correct the fields marked above."] = "请修改上面标出的字段。",
        ["Monthly budget"] = "每月预算",
        ["Spent"] = "已花费",
        ["No budget set"] = "未设置预算",
        ["ok"] = "正常",
        ["soft_limit"] = "接近上限",
        ["exhausted"] = "已用尽",
        ["unlimited"] = "不限",
        ["Monthly budget (USD, empty: none)"] = "每月预算（美元，留空表示不限）",
        ["Soft limit (share of the budget)"] = "软上限（预算比例）",
        ["Save budget"] = "保存预算",
        ["Delete this knowledge base and all its documents?"] = "删除此知识库及其全部文档？",
        ["API keys"] = "API 密钥",
        ["A/B tests"] = "A/B 测试",
        ["Scopes"] = "权限范围",
        ["Create key"] = "创建密钥",
        ["Your new key"] = "新密钥",
        ["Copy it now: you won't see it again."] = "请立即复制：之后将无法再次查看。",
        ["Secret"] = "密钥",
        ["Copy"] = "复制",
        ["Done"] = "完成",
        ["Prefix"] = "前缀",
        ["Created"] = "创建时间",
        ["Last used"] = "最近使用",
        ["Never"] = "从未",
        ["Revoked"] = "已吊销",
        ["Revoke"] = "吊销",
        ["Revoke this key? Clients using it stop working."] = "吊销此密钥？使用它的客户端将无法继续工作。",
        ["Cancel"] = "取消",
        ["Active"] = "有效",
        ["Copied to the clipboard."] = "已复制到剪贴板。",
        ["Copying is not allowed here: select the key and copy it."] = "此处不允许复制：请选中密钥后手动复制。",
        ["VoiceHelper console"] = "VoiceHelper 控制台",
        ["Sign in"] = "登录",
        ["Sign out"] = "退出登录",
        ["Register a tenant"] = "注册租户",
        ["Register"] = "注册",
        ["Email"] = "邮箱",
        ["Password"] = "密码",
        ["Username"] = "用户名",
        ["Organisation name"] = "组织名称",
        ["No account yet?"] = "还没有账号？",
        ["Already registered?"] = "已经注册？",
        ["Language"] = "语言",
        ["Loading…"] = "加载中…",
        ["Knowledge bases"] = "知识库",
        ["Knowledge base"] = "知识库",
        ["Create"] = "创建",
        ["Name"] = "名称",
        ["Description"] = "描述",
        ["Delete"] = "删除",
        ["Open"] = "打开",
        ["No knowledge base yet."] = "还没有知识库。",
        ["Documents"] = "文档",
        ["Upload documents"] = "上传文档",
        ["Drop files here or choose them"] = "将文件拖到这里或点击选择",
        ["Status"] = "状态",
        ["Chunks"] = "分块",
        ["Size"] = "大小",
        ["pending"] = "等待中",
        ["processing"] = "处理中",
        ["indexed"] = "已索引",
        ["failed"] = "失败",
        ["uploading"] = "上传中",
        ["No documents yet."] = "还没有文档。",
        ["Search"] = "搜索",
        ["Search this knowledge base"] = "搜索此知识库",
        ["No hits."] = "没有结果。",
        ["Playground"] = "试答",
        ["Ask"] = "提问",
        ["Your question"] = "你的问题",
        ["Sources"] = "来源",
        ["Helpful"] = "有帮助",
        ["Not helpful"] = "没有帮助",
        ["Thanks for the feedback."] = "感谢反馈。",
        ["New conversation"] = "新对话",
        ["Chunk"] = "分块",
        ["Page"] = "页",
        ["Position"] = "位置",
        ["Close"] = "关闭",
        ["Conversations"] = "对话",
        ["Title"] = "标题",
        ["Messages"] = "消息",
        ["Updated"] = "更新时间",
        ["No conversations yet."] = "还没有对话。",
        ["Latency"] = "延迟",
        ["Tokens"] = "令牌",
        ["Usage"] = "用量",
        ["Questions"] = "问题数",
        ["Cost (USD)"] = "费用（美元）",
        ["Latency (ms)"] = "延迟（毫秒）",
        ["Per day"] = "按天",
        ["Per model"] = "按模型",
        ["Model"] = "模型",
        ["Models"] = "模型",
        ["Users"] = "用户",
        ["Role"] = "角色",
        ["Add user"] = "添加用户",
        ["Disable"] = "停用",
        ["Disabled"] = "已停用",
        ["Audit log"] = "审计日志",
        ["Action"] = "操作",
        ["When"] = "时间",
        ["Detail"] = "详情",
        ["Voice call"] = "语音通话",
        ["Open the call page in its own tab"] = "在新标签页中打开通话页面",
        ["Fallback order"] = "回退顺序",
        ["Provider"] = "提供方",
        ["Context window"] = "上下文窗口",
        ["Price per 1K tokens (in / out)"] = "每千令牌价格（输入 / 输出）",
        ["Available"] = "可用",
        ["Unavailable"] = "不可用",
        ["Circuit"] = "熔断状态",
        ["Previous"] = "上一页",
        ["Next"] = "下一页",
        ["Only owners and admins can see this page."] = "只有所有者和管理员可以查看此页面。",
        ["Menu"] = "菜单",
    };
}

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Trade Monitor</source>
        <translation>关于交易监控</translation>
    </message>
    <message>
        <source>Qt %1</source>
        <translation>Qt %1</translation>
    </message>
    <message>
        <source>Qt %1 (built with %2)</source>
        <translation>Qt %1（编译时为 %2）</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Trade Monitor %1&lt;/h3&gt;&lt;p&gt;Live open positions and closed-trade history from a WebSocket feed.&lt;/p&gt;&lt;p&gt;Feed: %2&lt;br&gt;History: %3&lt;/p&gt;&lt;p&gt;Runs on %4.&lt;/p&gt;&lt;p&gt;Copyright © the Trade Monitor authors. Free software under the GNU General Public License, version 3 or (at your option) any later version: you may share and change it under its terms. There is NO WARRANTY. The Licence tab has the whole text; Third-party notices names what it is built on.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;交易监控 %1&lt;/h3&gt;&lt;p&gt;通过 WebSocket 数据源实时查看持仓和已平仓历史。&lt;/p&gt;&lt;p&gt;数据源：%2&lt;br&gt;历史记录：%3&lt;/p&gt;&lt;p&gt;运行于 %4。&lt;/p&gt;&lt;p&gt;版权所有 © 交易监控作者。本程序是自由软件，依据 GNU 通用公共许可证第 3 版或（由您选择）任何更新版本发布：您可以按其条款分享和修改。本程序不提供任何担保。“许可证”页有全文；“第三方声明”列出了它所依赖的软件。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Licence (GPL-3.0-or-later)</source>
        <translation>许可证(&amp;L)（GPL-3.0-or-later）</translation>
    </message>
    <message>
        <source>&amp;Third-party notices</source>
        <translation>第三方声明(&amp;T)</translation>
    </message>
</context>
<context>
    <name>Accessibility</name>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
</context>
<context>
    <name>Account</name>
    <message>
        <source>Unknown account</source>
        <translation>未知账户</translation>
    </message>
    <message>
        <source>Demo account %1</source>
        <translation>模拟账户 %1</translation>
    </message>
    <message>
        <source>%1 @ %2</source>
        <translation>%1 @ %2</translation>
    </message>
</context>
<context>
    <name>AccountBar</name>
    <message>
        <source>Balance:</source>
        <translation>余额：</translation>
    </message>
    <message>
        <source>Closed trades&apos; result and deposits</source>
        <translation>已平仓交易的结果与入金</translation>
    </message>
    <message>
        <source>Equity:</source>
        <translation>净值：</translation>
    </message>
    <message>
        <source>Balance plus the floating profit, net of swap and commission</source>
        <translation>余额加上浮动盈亏（已扣除库存费和手续费）</translation>
    </message>
    <message>
        <source>Margin:</source>
        <translation>保证金：</translation>
    </message>
    <message>
        <source>Held by the open positions</source>
        <translation>持仓占用的保证金</translation>
    </message>
    <message>
        <source>Free margin:</source>
        <translation>可用保证金：</translation>
    </message>
    <message>
        <source>Equity minus margin: what new positions can use</source>
        <translation>净值减去保证金：新开仓可以使用的部分</translation>
    </message>
    <message>
        <source>Margin level:</source>
        <translation>保证金比例：</translation>
    </message>
    <message>
        <source>Equity over margin; the broker stops positions out when it falls too low</source>
        <translation>净值与保证金之比；过低时经纪商会强制平仓</translation>
    </message>
    <message>
        <source>Positions:</source>
        <translation>持仓：</translation>
    </message>
    <message>
        <source>Open positions, all of them</source>
        <translation>全部持仓</translation>
    </message>
    <message>
        <source>Lots:</source>
        <translation>手数：</translation>
    </message>
    <message>
        <source>Volume of every open position</source>
        <translation>所有持仓的手数</translation>
    </message>
    <message>
        <source>Floating P/L:</source>
        <translation>浮动盈亏：</translation>
    </message>
    <message>
        <source>Profit of every open position, net of swap and commission</source>
        <translation>所有持仓的盈亏，已扣除库存费和手续费</translation>
    </message>
    <message>
        <source>No balance or margin from this feed</source>
        <translation>此数据源不提供余额和保证金</translation>
    </message>
    <message>
        <source>The feed sends no account figures (no Account message): balance, equity and margin are left out rather than guessed.</source>
        <translation>此数据源不发送账户数据（没有 Account 消息）：余额、净值和保证金不显示，而不是猜测。</translation>
    </message>
    <message>
        <source>none</source>
        <comment>margin level without margin in use</comment>
        <translation>无</translation>
    </message>
    <message>
        <source>The feed&apos;s last account figures could not be read; these are the last ones that could: %1</source>
        <translation>数据源最近的账户数据无法读取；这里显示的是最后一次能读取的数据：%1</translation>
    </message>
    <message>
        <source>Balance plus the floating P/L of the open positions as they tick: the feed last reported an equity of %1.</source>
        <translation>余额加上持仓随行情变动的浮动盈亏：数据源最近报告的净值为 %1。</translation>
    </message>
    <message>
        <source>Today:</source>
        <translation>今日：</translation>
    </message>
    <message>
        <source>Today&apos;s closed trades, net, plus the floating P/L of the open positions</source>
        <translation>今日已平仓交易的净盈亏，加上持仓的浮动盈亏</translation>
    </message>
    <message>
        <source>Closed today %1, floating %2</source>
        <translation>今日平仓 %1，浮动 %2</translation>
    </message>
</context>
<context>
    <name>AccountSet</name>
    <message numerus="yes">
        <source>%1 of %n account(s) live</source>
        <translation>
            <numerusform>%n 个账户中 %1 个在线</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AccountsEditor</name>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>&amp;New Account</source>
        <translation>新建账户(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move D&amp;own</source>
        <translation>下移(&amp;O)</translation>
    </message>
    <message>
        <source>as the window names it: Main, Prop firm…</source>
        <translation>窗口中显示的名称：主账户、自营账户…</translation>
    </message>
    <message>
        <source>the default (%1)</source>
        <translation>默认（%1）</translation>
    </message>
    <message>
        <source>native; or seed, or a profile file</source>
        <translation>native；或 seed，或配置文件</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>名称(&amp;M)：</translation>
    </message>
    <message>
        <source>Feed UR&amp;L:</source>
        <translation>数据源地址(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Trader id:</source>
        <translation>交易员 ID(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Wire format:</source>
        <translation>消息格式(&amp;W)：</translation>
    </message>
    <message>
        <source>Auth to&amp;ken:</source>
        <translation>认证令牌(&amp;K)：</translation>
    </message>
    <message>
        <source>Each account has a connection, a history and alerts of its own; the window shows them all, or one. Without accounts, the Feed tab&apos;s feed is the one. Changes take effect at the next start.</source>
        <translation>每个账户都有自己的连接、历史记录和提醒；窗口可显示全部账户或其中一个。没有账户时，使用“数据源”页的数据源。更改在下次启动时生效。</translation>
    </message>
    <message>
        <source>%1: give its feed URL.</source>
        <translation>%1：请填写其数据源地址。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>新账户</translation>
    </message>
</context>
<context>
    <name>AccountsList</name>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Data age</source>
        <translation>数据时长</translation>
    </message>
    <message>
        <source>Round trip</source>
        <translation>往返时间</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>重新连接</translation>
    </message>
    <message>
        <source>Reconnect %1</source>
        <translation>重新连接 %1</translation>
    </message>
    <message>
        <source>Connect %1 again now</source>
        <translation>立即重新连接 %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
</context>
<context>
    <name>AccountsOverview</name>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Equity</source>
        <translation>净值</translation>
    </message>
    <message>
        <source>Margin level</source>
        <translation>保证金比例</translation>
    </message>
    <message>
        <source>Floating P/L</source>
        <translation>浮动盈亏</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>—</source>
        <comment>a figure the feed does not report</comment>
        <translation>—</translation>
    </message>
    <message>
        <source>none</source>
        <comment>margin level without margin in use</comment>
        <translation>无</translation>
    </message>
    <message>
        <source>No total: %1.</source>
        <translation>无合计：%1。</translation>
    </message>
</context>
<context>
    <name>Alerts</name>
    <message>
        <source>The feed is lost</source>
        <translation>数据源已断开</translation>
    </message>
    <message>
        <source>No live data for %1 s. Trade Monitor keeps trying.</source>
        <translation>已有 %1 秒没有实时数据。交易监控会继续重试。</translation>
    </message>
    <message>
        <source>No live data for %1 s: %2 Trade Monitor keeps trying.</source>
        <translation>已有 %1 秒没有实时数据：%2 交易监控会继续重试。</translation>
    </message>
    <message>
        <source>%1 opened %2</source>
        <translation>%1 开仓 %2</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>开仓 %1</translation>
    </message>
    <message>
        <source>Ticket %1 at %2</source>
        <translation>订单 %1，价格 %2</translation>
    </message>
    <message>
        <source>%1 closed %2: %3</source>
        <translation>%1 平仓 %2：%3</translation>
    </message>
    <message>
        <source>Closed %1: %2</source>
        <translation>平仓 %1：%2</translation>
    </message>
    <message>
        <source>Ticket %1 · %2</source>
        <translation>订单 %1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%n position(s) opened</source>
        <translation>
            <numerusform>开仓 %n 笔</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n position(s) closed</source>
        <translation>
            <numerusform>平仓 %n 笔</numerusform>
        </translation>
    </message>
    <message>
        <source>Net of the closes: %1</source>
        <translation>平仓净盈亏：%1</translation>
    </message>
    <message>
        <source>Margin level %1 % is below %2 %</source>
        <translation>保证金比例 %1 % 低于 %2 %</translation>
    </message>
    <message>
        <source>Equity %1 %3 on %2 %3 of margin. Below the broker&apos;s stop-out level positions are closed.</source>
        <translation>净值 %1 %3，保证金 %2 %3。低于经纪商的强平水平时持仓会被平掉。</translation>
    </message>
    <message>
        <source>The feed is live again</source>
        <translation>数据源已恢复实时</translation>
    </message>
    <message>
        <source>Back after %1 s.</source>
        <translation>%1 秒后恢复。</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>An amount and its currency: &quot;+12.30 USD&quot;</extracomment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 及另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the names of a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <comment>the last two names of a list</comment>
        <translation>%1 和 %2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>an account&apos;s name, then its news</comment>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>AppSettings</name>
    <message>
        <source>The token could not be saved: %1</source>
        <translation>无法保存令牌：%1</translation>
    </message>
    <message>
        <source>The feed URL&apos;s credentials could not be saved: %1</source>
        <translation>无法保存行情地址中的凭据：%1</translation>
    </message>
</context>
<context>
    <name>ClosedTradeStore</name>
    <message>
        <source>The SQLite driver for Qt is missing (Debian: libqt6sql6-sqlite)</source>
        <translation>缺少 Qt 的 SQLite 驱动（Debian：libqt6sql6-sqlite）</translation>
    </message>
    <message>
        <source>Cannot open the trade history %1</source>
        <translation>无法打开交易历史 %1</translation>
    </message>
    <message>
        <source>The trade history %1 is locked by another program</source>
        <translation>交易历史 %1 被另一个程序锁定</translation>
    </message>
    <message>
        <source>The trade history %1 is damaged or not a Trade Monitor database. It was left as it is: move it aside (or restore a backup) and a new history is started, or start with --db and another file</source>
        <translation>交易历史 %1 已损坏，或不是交易监控的数据库。它保持原样：将其移走（或恢复备份）后会新建历史，或使用 --db 指定另一个文件启动</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the trade history: check that the place exists and can be written, or start with --db and another file</source>
        <translation>无法为交易历史创建文件夹 %1：请检查该位置是否存在且可写，或使用 --db 指定另一个文件启动</translation>
    </message>
    <message>
        <source>the file is read-only</source>
        <translation>文件是只读的</translation>
    </message>
    <message>
        <source>it is on a read-only medium or in a read-only folder</source>
        <translation>它位于只读介质或只读文件夹中</translation>
    </message>
    <message>
        <source>its folder is read-only</source>
        <translation>它所在的文件夹是只读的</translation>
    </message>
    <message>
        <source>Cannot create the trade history %1: %2; start with --db and a file in a folder you can write to</source>
        <translation>无法创建交易历史 %1：%2；请使用 --db 指定一个可写文件夹中的文件启动</translation>
    </message>
    <message>
        <source>it is on a read-only medium</source>
        <translation>它位于只读介质上</translation>
    </message>
    <message>
        <source>The trade history %1 is read-only (%2) and from another version of Trade Monitor, which cannot update it. Make it writable once, or start with --db and another file</source>
        <translation>交易历史 %1 是只读的（%2），且来自另一版本的交易监控，无法升级。请使其可写一次，或使用 --db 指定另一个文件启动</translation>
    </message>
    <message>
        <source>The trade history %1 is read-only (%2): it is shown, but closed trades cannot be saved to it. Make it writable, or start with --db and another file.</source>
        <translation>交易历史 %1 是只读的（%2）：可以查看，但已平仓交易无法保存到其中。请使其可写，或使用 --db 指定另一个文件启动。</translation>
    </message>
    <message>
        <source>Cannot update the trade history</source>
        <translation>无法更新交易历史</translation>
    </message>
    <message>
        <source>Cannot read the trade history&apos;s version</source>
        <translation>无法读取交易历史的版本</translation>
    </message>
    <message>
        <source>The trade history was written by a newer Trade Monitor (schema %1, this one knows %2); it was left as it is</source>
        <translation>交易历史由更新版本的交易监控写入（结构 %1，本版本只认识 %2）；它保持原样</translation>
    </message>
    <message>
        <source>Cannot open the trade history</source>
        <translation>无法打开交易历史</translation>
    </message>
    <message>
        <source>Cannot update the trade history to schema %1</source>
        <translation>无法将交易历史升级到结构 %1</translation>
    </message>
    <message>
        <source>The trade history is read-only; %1 not saved to it</source>
        <translation>交易历史是只读的；%1 未保存</translation>
    </message>
    <message>
        <source>The trade history is not open; %1 not saved to it</source>
        <translation>交易历史未打开；%1 未保存</translation>
    </message>
    <message>
        <source>Cannot save closed trades</source>
        <translation>无法保存已平仓交易</translation>
    </message>
    <message>
        <source>Cannot save closed trades; the batch (%1) was not written</source>
        <translation>无法保存已平仓交易；这一批（%1）未写入</translation>
    </message>
    <message>
        <source>Cannot correct the trade history</source>
        <translation>无法更正交易历史</translation>
    </message>
    <message>
        <source>%1 is not a Trade Monitor history (%2). It was left untouched; start with --db and another file to keep closed trades</source>
        <translation>%1 不是交易监控的历史记录（%2），未作任何改动；如需保存已平仓交易，请用 --db 指定另一个文件启动</translation>
    </message>
    <message>
        <source>it is not a database</source>
        <translation>它不是数据库</translation>
    </message>
    <message>
        <source>another program&apos;s database</source>
        <translation>它是其他程序的数据库</translation>
    </message>
</context>
<context>
    <name>ClosedTradesModel</name>
    <message>
        <source>This position vanished from the feed while it was away. It is counted as closed until the feed confirms how it closed; if it turns up open again, it is taken out of the history.</source>
        <translation>此持仓在数据源断开期间消失了。在数据源确认其平仓方式之前，它按已平仓计算；如果它再次以持仓出现，会从历史中移除。</translation>
    </message>
</context>
<context>
    <name>ClosedTradesPage</name>
    <message>
        <source>Account:</source>
        <translation>账户：</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>时间段：</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>自定义范围</translation>
    </message>
    <message>
        <source>For Excel</source>
        <translation>用于 Excel</translation>
    </message>
    <message>
        <source>UTF-8 with a byte-order mark, so that Excel shows Chinese names right; uncheck for tools that do not expect one</source>
        <translation>带字节顺序标记的 UTF-8，使 Excel 正确显示中文名称；用于不需要它的工具时请取消勾选</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Save the trades shown as a CSV file (Ctrl+E)</source>
        <translation>将显示的交易保存为 CSV 文件（Ctrl+E）</translation>
    </message>
    <message>
        <source>Show every trade of the period again</source>
        <translation>重新显示该时间段的全部交易</translation>
    </message>
    <message>
        <source>%1 (this feed)</source>
        <translation>%1（当前数据源）</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n trade(s) shown (%2)</source>
        <translation>
            <numerusform>显示 %n 笔交易中的 %1 笔（%2）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n trade(s)</source>
        <translation>
            <numerusform>%n 笔交易</numerusform>
        </translation>
    </message>
    <message>
        <source>(incl. %1 unconfirmed)</source>
        <translation>（含 %1 笔未确认）</translation>
    </message>
    <message>
        <source>%1 · Gross profit %2 · Swap %3 · Commission %4 · Net %5</source>
        <translation>%1 · 毛利 %2 · 库存费 %3 · 手续费 %4 · 净盈亏 %5</translation>
    </message>
    <message>
        <source>Closed trades are put aside in %1 and written to the history as soon as it can be written.</source>
        <translation>已平仓交易暂存在 %1，历史可写后立即写入。</translation>
    </message>
    <message>
        <source>Closed trades are kept in memory only, for this session: they are lost when Trade Monitor quits.</source>
        <translation>已平仓交易仅保存在本次运行的内存中：交易监控退出时会丢失。</translation>
    </message>
    <message>
        <source>%1 not saved yet: %2</source>
        <translation>%1 尚未保存：%2</translation>
    </message>
    <message>
        <source>%1 of them could not even be put aside on disk and would be lost if Trade Monitor quit now.</source>
        <translation>其中 %1 笔甚至无法暂存到磁盘，如果现在退出交易监控就会丢失。</translation>
    </message>
    <message>
        <source>They are kept safe in %1 and written as soon as the history can be written again.</source>
        <translation>它们安全地保存在 %1，历史可写后立即写入。</translation>
    </message>
    <message>
        <source>Export closed trades</source>
        <translation>导出已平仓交易</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>The trades could not be written to %1:
%2</source>
        <translation>无法将交易写入 %1：
%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Reading the history…</source>
        <translation>正在读取历史记录…</translation>
    </message>
    <message>
        <source>Exporting closed trades to %1…</source>
        <translation>正在将已平仓交易导出到 %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Click to sort; point at a title for what it means</source>
        <translation>点击排序；指向标题可查看其含义</translation>
    </message>
    <message>
        <source>Statistics per signal trader for the period and filters; click a row to show its trades</source>
        <translation>按信号源统计所选时间段和筛选条件下的交易；点击一行只显示该信号源的交易</translation>
    </message>
    <message>
        <source>&amp;Copy all rows</source>
        <translation>复制全部行(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Export statistics…</source>
        <translation>导出统计(&amp;E)…</translation>
    </message>
    <message>
        <source>Export statistics</source>
        <translation>导出统计</translation>
    </message>
    <message>
        <source>The statistics could not be written to %1:
%2</source>
        <translation>统计无法写入 %1：
%2</translation>
    </message>
    <message>
        <source>the filters changed while the trades were written; export the statistics on their own</source>
        <translation>导出交易期间筛选条件已更改；请单独导出统计</translation>
    </message>
    <message>
        <source>Closed trades</source>
        <translation>已平仓交易</translation>
    </message>
    <message>
        <source>Statistics per signal trader</source>
        <translation>各信号交易员统计</translation>
    </message>
    <message>
        <source>Every account with trades in this history; the current feed&apos;s first. All accounts: their trades together, in one close order</source>
        <translation>此历史中每个有交易的账户；当前行情源的账户在前。所有账户：它们的交易合在一起，按平仓时间排序</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>所有账户</translation>
    </message>
    <message>
        <source>%1 · No totals of money: %2</source>
        <translation>%1 · 不合计金额：%2</translation>
    </message>
</context>
<context>
    <name>ColumnFit</name>
    <message>
        <source>%1
Hidden to fit the window: %2</source>
        <translation>%1
为适应窗口而隐藏：%2</translation>
    </message>
</context>
<context>
    <name>ConnectionLog</name>
    <message>
        <source>Connecting to %1 (retry %2)</source>
        <translation>正在连接 %1（第 %2 次重试）</translation>
    </message>
    <message>
        <source>Connecting to %1</source>
        <translation>正在连接 %1</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>已连接到 %1</translation>
    </message>
    <message>
        <source>The network is down: waiting for it before connecting again</source>
        <translation>网络已断开：等待网络恢复后再连接</translation>
    </message>
    <message>
        <source>Connection closed</source>
        <translation>连接已关闭</translation>
    </message>
    <message>
        <source>No usable data yet; subscribing once more</source>
        <translation>尚无可用数据；再订阅一次</translation>
    </message>
    <message>
        <source>Subscribed; waiting for the Snapshot (up to %1 s)</source>
        <translation>已订阅；等待快照（最多 %1 秒）</translation>
    </message>
    <message>
        <source>Dropped: %1</source>
        <translation>已断开：%1</translation>
    </message>
    <message>
        <source>Attempt failed: %1</source>
        <translation>尝试失败：%1</translation>
    </message>
    <message>
        <source>Gave up: %1</source>
        <translation>已放弃：%1</translation>
    </message>
    <message numerus="yes">
        <source>Snapshot with %n position(s): live</source>
        <translation>
            <numerusform>快照含 %n 笔持仓：实时</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: asking for a fresh Snapshot</source>
        <translation>%1：请求新的快照</translation>
    </message>
    <message>
        <source>Server error %1</source>
        <translation>服务器错误 %1</translation>
    </message>
    <message>
        <source>Server error %1: %2</source>
        <translation>服务器错误 %1：%2</translation>
    </message>
    <message>
        <source>A row was left out of the list: %1</source>
        <translation>列表中有一行被略过：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) left out of lists in %1 s; the first: %2</source>
        <translation>
            <numerusform>%1 秒内列表中略过 %n 行；第一行：%2</numerusform>
        </translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>The feed sends data this version cannot read: %1</source>
        <translation>数据源发送了本版本无法读取的数据：%1</translation>
    </message>
    <message numerus="yes">
        <source>The feed sent %n item(s) this version cannot read in %1 s; the first: %2</source>
        <translation>
            <numerusform>%1 秒内数据源发送了 %n 项本版本无法读取的数据；第一项：%2</numerusform>
        </translation>
    </message>
    <message>
        <source>The computer seems to have slept (the heartbeat came %1 late); checking the link</source>
        <translation>计算机似乎休眠过（心跳晚了 %1）；正在检查连接</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
</context>
<context>
    <name>ConnectionLogWindow</name>
    <message>
        <source>Connection Log</source>
        <translation>连接日志</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy &amp;All</source>
        <translation>全部复制(&amp;A)</translation>
    </message>
    <message>
        <source>Connection events</source>
        <translation>连接事件</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>所有账户</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>账户(&amp;A)：</translation>
    </message>
</context>
<context>
    <name>Currencies</name>
    <message>
        <source>%1 does not report its currency</source>
        <translation>%1 未报告其货币</translation>
    </message>
    <message>
        <source>the accounts are in %1</source>
        <translation>各账户的货币为 %1</translation>
    </message>
</context>
<context>
    <name>DurationSpinBox</name>
    <message>
        <source>ms</source>
        <comment>milliseconds</comment>
        <translation>毫秒</translation>
    </message>
    <message>
        <source>s</source>
        <comment>seconds</comment>
        <translation>秒</translation>
    </message>
    <message>
        <source>min</source>
        <comment>minutes</comment>
        <translation>分钟</translation>
    </message>
    <message>
        <source>h</source>
        <comment>hours</comment>
        <translation>小时</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
</context>
<context>
    <name>FeedBanner</name>
    <message>
        <source>Reconnect</source>
        <translation>重新连接</translation>
    </message>
    <message>
        <source>Open Settings…</source>
        <translation>打开设置…</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭提示</translation>
    </message>
</context>
<context>
    <name>FeedParser</name>
    <message>
        <source>an array</source>
        <translation>数组</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>a fraction</source>
        <translation>小数</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>布尔值</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>something else</source>
        <translation>其他值</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>where in the message: what is wrong</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>out of range</source>
        <translation>超出范围</translation>
    </message>
    <message>
        <source>must be a whole number, not %1</source>
        <translation>应为整数，而不是%1</translation>
    </message>
    <message>
        <source>%1 is out of range (%2 to %3)</source>
        <translation>%1 超出范围（%2 至 %3）</translation>
    </message>
    <message>
        <source>must be a number, not %1</source>
        <translation>应为数字，而不是%1</translation>
    </message>
    <message>
        <source>must be finite</source>
        <translation>应为有限数</translation>
    </message>
    <message>
        <source>negative (%1)</source>
        <translation>为负数（%1）</translation>
    </message>
    <message>
        <source>must be a string, not %1</source>
        <translation>应为字符串，而不是%1</translation>
    </message>
    <message>
        <source>longer than %1 bytes</source>
        <translation>超过 %1 字节</translation>
    </message>
    <message>
        <source>must be true or false, not %1</source>
        <translation>应为 true 或 false，而不是%1</translation>
    </message>
    <message>
        <source>must be &quot;buy&quot;, &quot;sell&quot;, 0 or 1, not %1</source>
        <translation>应为 &quot;buy&quot;、&quot;sell&quot;、0 或 1，而不是%1</translation>
    </message>
    <message>
        <source>unknown side &quot;%1&quot;</source>
        <translation>未知方向 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>为空</translation>
    </message>
    <message>
        <source>must be greater than zero</source>
        <translation>应大于零</translation>
    </message>
    <message>
        <source>missing &quot;%1&quot;</source>
        <translation>缺少 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>closed before it opened</source>
        <translation>平仓时间早于开仓时间</translation>
    </message>
    <message>
        <source>must be an object, not %1</source>
        <translation>应为对象，而不是%1</translation>
    </message>
    <message>
        <source>%1.data[%2]: a pending order (side %3), not a position</source>
        <translation>%1.data[%2]：挂单（方向 %3），不是持仓</translation>
    </message>
    <message>
        <source>%1.data[%2]: ticket %3 appears twice; the first one counts</source>
        <translation>%1.data[%2]：订单号 %3 出现两次；以第一次为准</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>missing (null when no margin is in use)</source>
        <translation>缺失（未占用保证金时应为 null）</translation>
    </message>
    <message>
        <source>must be a currency code such as &quot;USD&quot;, not &quot;%1&quot;</source>
        <translation>应为 &quot;USD&quot; 这样的货币代码，而不是 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1 bytes is over the %2-byte limit</source>
        <translation>%1 字节超过了 %2 字节的上限</translation>
    </message>
    <message>
        <source>invalid JSON (%1)</source>
        <translation>JSON 无效（%1）</translation>
    </message>
    <message>
        <source>must be a JSON object, not %1</source>
        <translation>应为 JSON 对象，而不是%1</translation>
    </message>
    <message>
        <source>must be an array, not %1</source>
        <translation>应为数组，而不是%1</translation>
    </message>
    <message>
        <source>%1 items is over the limit of %2</source>
        <translation>%1 项超过了 %2 项的上限</translation>
    </message>
    <message>
        <source>missing &quot;type&quot;</source>
        <translation>缺少 &quot;type&quot;</translation>
    </message>
    <message>
        <source>unknown message type &quot;%1&quot;</source>
        <translation>未知消息类型 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>missing &quot;ts&quot;</source>
        <translation>缺少 &quot;ts&quot;</translation>
    </message>
    <message>
        <source>missing &quot;Code&quot;</source>
        <translation>缺少 &quot;Code&quot;</translation>
    </message>
    <message>
        <source>an Error needs a 4xx or 5xx code, not %1</source>
        <translation>Error 消息应带 4xx 或 5xx 代码，而不是 %1</translation>
    </message>
    <message>
        <source>%1 on a data message (expected %2)</source>
        <translation>数据消息的代码为 %1（应为 %2）</translation>
    </message>
    <message>
        <source>missing &quot;seq&quot;</source>
        <translation>缺少 &quot;seq&quot;</translation>
    </message>
    <message>
        <source>missing &quot;data&quot;</source>
        <translation>缺少 &quot;data&quot;</translation>
    </message>
</context>
<context>
    <name>FeedProbe</name>
    <message numerus="yes">
        <source>%n position(s) came</source>
        <translation>
            <numerusform>收到 %n 个持仓</numerusform>
        </translation>
    </message>
    <message>
        <source>Connected and subscribed: %1; round trip %2 ms.</source>
        <translation>已连接并订阅：%1；往返 %2 毫秒。</translation>
    </message>
    <message>
        <source>Connected and subscribed: %1; the heartbeat was not answered.</source>
        <translation>已连接并订阅：%1；心跳未获应答。</translation>
    </message>
    <message>
        <source>The connection failed.</source>
        <translation>连接失败。</translation>
    </message>
</context>
<context>
    <name>FeedProfile</name>
    <message>
        <source>profile %1: cannot be read (%2); the built-in profiles are %3</source>
        <translation>配置文件 %1：无法读取（%2）；内置配置为 %3</translation>
    </message>
    <message>
        <source>profile %1: larger than 1 MiB, not a profile</source>
        <translation>配置文件 %1：超过 1 MiB，不是配置文件</translation>
    </message>
    <message>
        <source>profile %1: %2</source>
        <translation>配置文件 %1：%2</translation>
    </message>
    <message>
        <source>profile %1: key &quot;%2&quot;: %3</source>
        <translation>配置文件 %1：键“%2”：%3</translation>
    </message>
    <message>
        <source>not JSON (%1 at byte %2)</source>
        <translation>不是 JSON（第 %2 字节处 %1）</translation>
    </message>
    <message>
        <source>must be a JSON object</source>
        <translation>必须是 JSON 对象</translation>
    </message>
    <message>
        <source>unknown key (known: %1)</source>
        <translation>未知的键（已知：%1）</translation>
    </message>
    <message>
        <source>unknown envelope &quot;%1&quot; (expected &quot;native&quot; or &quot;seed&quot;)</source>
        <translation>未知的封装“%1”（应为“native”或“seed”）</translation>
    </message>
    <message>
        <source>must be a JSON object (the message to send)</source>
        <translation>必须是 JSON 对象（要发送的消息）</translation>
    </message>
    <message>
        <source>must be an object of our name to theirs</source>
        <translation>必须是从我方字段名到对方字段名的对象</translation>
    </message>
    <message>
        <source>unknown field (ours are: %1)</source>
        <translation>未知字段（我方字段为：%1）</translation>
    </message>
    <message>
        <source>must be the feed&apos;s name for it, a string</source>
        <translation>必须是数据源对它的命名，一个字符串</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is mapped twice (to %2 and to %3)</source>
        <translation>“%1”被映射了两次（到 %2 和 %3）</translation>
    </message>
    <message>
        <source>unknown time unit (expected &quot;ms&quot; or &quot;s&quot;)</source>
        <translation>未知的时间单位（应为“ms”或“s”）</translation>
    </message>
    <message>
        <source>must be a whole number, the feed&apos;s success code</source>
        <translation>必须是整数，即数据源的成功代码</translation>
    </message>
</context>
<context>
    <name>FeedSession</name>
    <message>
        <source>The Snapshot was rejected: %1.</source>
        <translation>快照被拒绝：%1。</translation>
    </message>
    <message>
        <source>The server refused the subscription: error %1.</source>
        <translation>服务器拒绝了订阅：错误 %1。</translation>
    </message>
    <message>
        <source>The server refused the subscription: error %1 (%2).</source>
        <translation>服务器拒绝了订阅：错误 %1（%2）。</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) of a %1 message could not be read</source>
        <translation>
            <numerusform>%1 消息中有 %n 行无法读取</numerusform>
        </translation>
    </message>
    <message>
        <source>A message could not be read: %1</source>
        <translation>有一条消息无法读取：%1</translation>
    </message>
</context>
<context>
    <name>FeedSetting</name>
    <message>
        <source>The trader id</source>
        <translation>交易员 ID</translation>
    </message>
    <message>
        <source>The trader whose positions to show.</source>
        <translation>要显示其持仓的交易员。</translation>
    </message>
    <message>
        <source>The heartbeat interval</source>
        <translation>心跳间隔</translation>
    </message>
    <message>
        <source>Milliseconds between heartbeat pings.</source>
        <translation>两次心跳之间的毫秒数。</translation>
    </message>
    <message>
        <source>The pong timeout</source>
        <translation>心跳应答超时</translation>
    </message>
    <message>
        <source>Milliseconds to wait for any reply after a ping before the link counts as dead.</source>
        <translation>发送心跳后等待任何回复的毫秒数，超时则认为连接已断。</translation>
    </message>
    <message>
        <source>The connect timeout</source>
        <translation>连接超时</translation>
    </message>
    <message>
        <source>Milliseconds allowed for connect plus handshake.</source>
        <translation>连接加握手允许的毫秒数。</translation>
    </message>
    <message>
        <source>The snapshot timeout</source>
        <translation>快照超时</translation>
    </message>
    <message>
        <source>Milliseconds to wait for the positions after subscribing before asking again; a second wait without them fails the attempt.</source>
        <translation>订阅后等待持仓数据的毫秒数，超时则再请求一次；第二次仍未收到则本次尝试失败。</translation>
    </message>
    <message>
        <source>The number of retries</source>
        <translation>重试次数</translation>
    </message>
    <message>
        <source>Reconnect attempts before giving up; 0 = unlimited.</source>
        <translation>放弃前的重连次数；0 = 不限。</translation>
    </message>
    <message>
        <source>The give-up time</source>
        <translation>放弃时间</translation>
    </message>
    <message>
        <source>Give up only once the retries are used up and the feed has been down this long; 0 = as soon as the retries are used up.</source>
        <translation>只有在重试用完且数据源已断开这么久之后才放弃；0 = 重试用完立即放弃。</translation>
    </message>
    <message>
        <source>The shortest reconnect delay</source>
        <translation>最短重连延迟</translation>
    </message>
    <message>
        <source>Base reconnect delay in milliseconds, at least 100.</source>
        <translation>基础重连延迟（毫秒），至少 100。</translation>
    </message>
    <message>
        <source>The longest reconnect delay</source>
        <translation>最长重连延迟</translation>
    </message>
    <message>
        <source>Longest reconnect delay in milliseconds.</source>
        <translation>最长重连延迟（毫秒）。</translation>
    </message>
    <message>
        <source>The shortest reconnect delay must be at least %1 ms: retrying faster would hammer a server that is coming back.</source>
        <translation>最短重连延迟至少为 %1 毫秒：更快的重试会冲击正在恢复的服务器。</translation>
    </message>
    <message>
        <source>%1 must be from %2 to %3 ms (not %4).</source>
        <translation>%1 必须在 %2 到 %3 毫秒之间（不是 %4）。</translation>
    </message>
    <message>
        <source>%1 must be from %2 to %3 (not %4).</source>
        <translation>%1 必须在 %2 到 %3 之间（不是 %4）。</translation>
    </message>
</context>
<context>
    <name>FeedSource</name>
    <message>
        <source>The demo feed cannot start: %1</source>
        <translation>模拟数据源无法启动：%1</translation>
    </message>
    <message>
        <source>Demo feed</source>
        <translation>模拟数据源</translation>
    </message>
</context>
<context>
    <name>FeedStatus</name>
    <message numerus="yes">
        <source>updated %n s ago</source>
        <translation>
            <numerusform>%n 秒前更新</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
    <message>
        <source>no change for %1</source>
        <translation>%1 无变化</translation>
    </message>
    <message>
        <source>last data %1 ago</source>
        <translation>最后数据在 %1 前</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>The server reported error %1 at %2.</source>
        <translation>服务器在 %2 报告错误 %1。</translation>
    </message>
    <message>
        <source>The server reported error %1 at %2: %3</source>
        <translation>服务器在 %2 报告错误 %1：%3</translation>
    </message>
    <message>
        <source>Connected, waiting for data</source>
        <translation>已连接，等待数据</translation>
    </message>
    <message>
        <source>Connected to %1, waiting for data: no Snapshot yet, asked again…</source>
        <translation>已连接到 %1，等待数据：尚未收到快照，已再次请求…</translation>
    </message>
    <message>
        <source>Connected to %1, waiting for data…</source>
        <translation>已连接到 %1，等待数据…</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <source>Connecting (retry %1)</source>
        <translation>正在连接（第 %1 次重试）</translation>
    </message>
    <message>
        <source>Waiting for the network</source>
        <translation>等待网络</translation>
    </message>
    <message>
        <source>No network: the feed reconnects when it is back.</source>
        <translation>没有网络：网络恢复后数据源会重新连接。</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Live feed paused</source>
        <translation>实时数据已暂停</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>The feed sends data this version cannot read: %1</source>
        <translation>数据源发送了本版本无法读取的数据：%1</translation>
    </message>
    <message>
        <source>It keeps trying until the feed is back.</source>
        <translation>将持续重试，直到数据源恢复。</translation>
    </message>
    <message>
        <source>Gives up in %1 if the feed is not back.</source>
        <translation>如果数据源仍未恢复，%1后放弃。</translation>
    </message>
    <message>
        <source>Gives up if this attempt fails.</source>
        <translation>如果这次尝试失败，将放弃。</translation>
    </message>
    <message>
        <source>Gives up if the next attempt fails.</source>
        <translation>如果下一次尝试失败，将放弃。</translation>
    </message>
    <message>
        <source>Gives up if retry %1 fails.</source>
        <translation>如果第 %1 次重试失败，将放弃。</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>Connecting to %1 (retry %2)…</source>
        <translation>正在连接 %1（第 %2 次重试）…</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>正在重连</translation>
    </message>
    <message>
        <source>Reconnecting: retry %1 follows.</source>
        <translation>正在重连：即将进行第 %1 次重试。</translation>
    </message>
    <message>
        <source>.</source>
        <comment>a full stop, added to a reason without one</comment>
        <translation>。</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>one sentence after another</comment>
        <translation>%1%2</translation>
    </message>
</context>
<context>
    <name>FeedStatusBar</name>
    <message>
        <source>Heartbeat round trip</source>
        <translation>心跳往返时间</translation>
    </message>
    <message>
        <source>Time since the feed last changed the data shown</source>
        <translation>自数据源上次更新所显示数据以来的时间</translation>
    </message>
    <message>
        <source>no change for %1</source>
        <translation>%1 无变化</translation>
    </message>
    <message>
        <source>99 min</source>
        <translation>99 分钟</translation>
    </message>
    <message>
        <source>RTT %1 ms</source>
        <translation>往返 %1 毫秒</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>重新连接</translation>
    </message>
    <message>
        <source>Try to connect again now (Ctrl+R)</source>
        <translation>立即重新连接（Ctrl+R）</translation>
    </message>
    <message>
        <source>A simulated account served by Trade Monitor itself: no real positions</source>
        <translation>由交易监控自身提供的模拟账户：没有真实持仓</translation>
    </message>
    <message>
        <source>The feed&apos;s host</source>
        <translation>数据源主机</translation>
    </message>
    <message>
        <source>Feed: %1</source>
        <translation>行情：%1</translation>
    </message>
    <message>
        <source>Each account&apos;s state, data age and round trip</source>
        <translation>各账户的状态、数据时长和往返时间</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>&amp;All</source>
        <translation>全部(&amp;A)</translation>
    </message>
    <message>
        <source>Every position, copies of signal traders first</source>
        <translation>全部持仓，跟单持仓在前</translation>
    </message>
    <message>
        <source>F&amp;ollowing</source>
        <translation>跟单(&amp;O)</translation>
    </message>
    <message>
        <source>Positions copying a signal trader</source>
        <translation>跟随信号源的持仓</translation>
    </message>
    <message>
        <source>&amp;Mine</source>
        <translation>自主(&amp;M)</translation>
    </message>
    <message>
        <source>Your own positions</source>
        <translation>您自己的持仓</translation>
    </message>
    <message>
        <source>&amp;Signal trader:</source>
        <translation>信号源(&amp;S)：</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>S&amp;ymbol:</source>
        <translation>品种(&amp;Y)：</translation>
    </message>
    <message>
        <source>Search symbol or ticket</source>
        <translation>搜索品种或订单号</translation>
    </message>
    <message>
        <source>Only the copies of one signal trader</source>
        <translation>仅显示一个信号源的跟单</translation>
    </message>
    <message>
        <source>Your own positions copy no signal trader</source>
        <translation>您自己的持仓不跟随任何信号源</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Open Trades</source>
        <translation>持仓</translation>
    </message>
    <message>
        <source>Closed Trades</source>
        <translation>已平仓</translation>
    </message>
    <message>
        <source>Exported %1 to %2</source>
        <translation>已将 %1 导出到 %2</translation>
    </message>
    <message>
        <source>Demo feed · simulated account</source>
        <translation>模拟数据源 · 模拟账户</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Export Closed Trades…</source>
        <translation>导出已平仓交易(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Open Trades</source>
        <translation>持仓(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Closed Trades</source>
        <translation>已平仓(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Find Position</source>
        <translation>查找持仓(&amp;F)</translation>
    </message>
    <message>
        <source>Connection &amp;Log</source>
        <translation>连接日志(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Reconnect</source>
        <translation>重新连接(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Trade Monitor</source>
        <translation>关于交易监控(&amp;A)</translation>
    </message>
    <message>
        <source>Paused: the live feed is closed while Closed Trades is in front</source>
        <translation>已暂停：查看已平仓时实时数据关闭</translation>
    </message>
    <message>
        <source>Resumed: Open Trades is in front</source>
        <translation>已恢复：正在查看持仓</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>Trade Monitor</source>
        <translation>交易监控</translation>
    </message>
    <message>
        <source>Closed trades would be lost</source>
        <translation>已平仓交易将会丢失</translation>
    </message>
    <message>
        <source>%1 could not be saved, not even to the spool next to the history: %2

If you quit now they are lost. The feed&apos;s History sends recent closes again when you reconnect, but not necessarily all of them.</source>
        <translation>%1 无法保存，甚至无法暂存到历史旁的暂存文件：%2

如果现在退出，它们将会丢失。重新连接时数据源的历史消息会再次发送最近的平仓，但不一定全部。</translation>
    </message>
    <message>
        <source>Trade Monitor keeps running</source>
        <translation>交易监控仍在运行</translation>
    </message>
    <message>
        <source>It watches the feed from the tray. Quit from its menu or with File → Quit.</source>
        <translation>它在托盘中继续监视数据源。可从托盘菜单或“文件 → 退出”退出。</translation>
    </message>
    <message>
        <source>The new language takes effect at the next start.</source>
        <translation>新的语言在下次启动时生效。</translation>
    </message>
    <message>
        <source>%1 not saved yet</source>
        <translation>%1 尚未保存</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>The history could not be corrected</source>
        <translation>无法更正交易历史</translation>
    </message>
    <message>
        <source>%1: %2

If you quit now, they stay in Closed Trades as unconfirmed closes until Trade Monitor sees them open again.</source>
        <translation>%1：%2

如果现在退出，它们会以未确认的平仓留在已平仓中，直到交易监控再次看到它们仍在持仓。</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>window title: the account, then the application</comment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>an account&apos;s name, then what happened</comment>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n 个账户</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>an account&apos;s name, then what is not saved</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>an account&apos;s name, then a question</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>The accounts take effect at the next start.</source>
        <translation>账户设置在下次启动时生效。</translation>
    </message>
</context>
<context>
    <name>OpenTradesPage</name>
    <message>
        <source>None</source>
        <translation>不分组</translation>
    </message>
    <message>
        <source>Signal trader</source>
        <translation>信号源</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>品种</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>分组(&amp;G)：</translation>
    </message>
    <message>
        <source>Show every position again</source>
        <translation>重新显示全部持仓</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n position(s) shown (%2)</source>
        <translation>
            <numerusform>显示 %n 笔持仓中的 %1 笔（%2）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n position(s)</source>
        <translation>
            <numerusform>%n 笔持仓</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 lots · Floating P/L %3</source>
        <translation>%1 · %2 手 · 浮动盈亏 %3</translation>
    </message>
    <message>
        <source>No positions match the filters</source>
        <translation>没有符合筛选条件的持仓</translation>
    </message>
    <message>
        <source>No open positions</source>
        <translation>没有持仓</translation>
    </message>
    <message>
        <source>No positions from the feed yet</source>
        <translation>尚未从数据源收到持仓</translation>
    </message>
    <message>
        <source>Default order (following first)</source>
        <translation>默认顺序（跟单在前）</translation>
    </message>
    <message>
        <source>Open positions</source>
        <translation>持仓</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Every account&apos;s positions, or one account&apos;s</source>
        <translation>所有账户的持仓，或某一个账户的持仓</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>所有账户</translation>
    </message>
    <message>
        <source>A&amp;ccount:</source>
        <translation>账户(&amp;C)：</translation>
    </message>
    <message>
        <source>Rows under a row per signal trader (your own positions last), per symbol or per account, with subtotals; double-click a group to fold it</source>
        <translation>按信号源（自主持仓在最后）、品种或账户分组显示，并附小计；双击分组可折叠</translation>
    </message>
    <message>
        <source>%1 · %2 lots · No total P/L: %3</source>
        <translation>%1 · %2 手 · 无盈亏合计：%3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>an account&apos;s name, then its state</comment>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <source>(and %n more account(s) not live)</source>
        <translation>
            <numerusform>（另有 %n 个账户未实时）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PerformanceCharts</name>
    <message>
        <source>Net per day</source>
        <translation>每日净盈亏</translation>
    </message>
    <message>
        <source>Gain</source>
        <translation>盈利</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>亏损</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1：%2（%3）</translation>
    </message>
    <message numerus="yes">
        <source>%n trade(s)</source>
        <translation>
            <numerusform>%n 笔交易</numerusform>
        </translation>
    </message>
    <message>
        <source>Balance curve: cumulative net</source>
        <translation>余额曲线：累计净盈亏</translation>
    </message>
    <message>
        <source>No trades in this period</source>
        <translation>此时间段内没有交易</translation>
    </message>
    <message>
        <source>%1 · ticket %2 · net %3 · balance %4</source>
        <translation>%1 · 订单 %2 · 净盈亏 %3 · 累计 %4</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n trade(s) · net %2 · balance %3</source>
        <translation>
            <numerusform>%1 · %n 笔交易 · 净盈亏 %2 · 累计 %3</numerusform>
        </translation>
    </message>
    <message>
        <source>Max drawdown</source>
        <translation>最大回撤</translation>
    </message>
    <message>
        <source>Balance curve · max drawdown %1</source>
        <translation>余额曲线 · 最大回撤 %1</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>Net per week</source>
        <translation>每周净盈亏</translation>
    </message>
    <message>
        <source>Net per month</source>
        <translation>每月净盈亏</translation>
    </message>
    <message>
        <source>No chart across these accounts: %1.</source>
        <translation>这些账户不合并绘图：%1。</translation>
    </message>
</context>
<context>
    <name>PositionBook</name>
    <message>
        <source>The feed&apos;s last list of positions had a row this version cannot read, so this position may have closed: %1</source>
        <translation>数据源最近的持仓列表中有一行本版本无法读取，因此此持仓可能已平仓：%1</translation>
    </message>
    <message>
        <source>seq went back from %1 to %2</source>
        <translation>seq 从 %1 回退到 %2</translation>
    </message>
    <message>
        <source>seq jumped from %1 to %2</source>
        <translation>seq 从 %1 跳到 %2</translation>
    </message>
</context>
<context>
    <name>PositionsGroupModel</name>
    <message>
        <source>Your own positions</source>
        <translation>您自己的持仓</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n position(s), net %2</source>
        <translation>
            <numerusform>%1 — %n 笔持仓，净盈亏 %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Double-click or press Space to show this group&apos;s positions</source>
        <translation>双击或按空格键显示此分组的持仓</translation>
    </message>
    <message>
        <source>Double-click or press Space to fold this group</source>
        <translation>双击或按空格键折叠此分组</translation>
    </message>
    <message>
        <source>net %1</source>
        <comment>a group&apos;s profit net of swap and commission</comment>
        <translation>净 %1</translation>
    </message>
    <message>
        <source>Net %1: profit %2, swap %3, commission %4</source>
        <translation>净盈亏 %1：盈亏 %2，库存费 %3，手续费 %4</translation>
    </message>
    <message>
        <source>This account</source>
        <translation>本账户</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n position(s), no total: %2</source>
        <translation>
            <numerusform>%1 — %n 笔持仓，无合计：%2</numerusform>
        </translation>
    </message>
    <message>
        <source>No total: %1</source>
        <translation>无合计：%1</translation>
    </message>
</context>
<context>
    <name>PositionsModel</name>
    <message>
        <source>The feed&apos;s last word on this position could not be read; it shows the last one that could.
%1</source>
        <translation>数据源关于此持仓的最新数据无法读取；显示的是最后一次能读取的数据。
%1</translation>
    </message>
    <message>
        <source>Copies signal trader %1 (id %2)</source>
        <translation>跟随信号源 %1（ID %2）</translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <source>bad request</source>
        <translation>请求错误</translation>
    </message>
    <message>
        <source>Check the feed URL and the trader id in Settings.</source>
        <translation>请在设置中检查数据源地址和交易员 ID。</translation>
    </message>
    <message>
        <source>not authorised</source>
        <translation>未授权</translation>
    </message>
    <message>
        <source>Check the auth token in Settings.</source>
        <translation>请在设置中检查认证令牌。</translation>
    </message>
    <message>
        <source>forbidden</source>
        <translation>禁止访问</translation>
    </message>
    <message>
        <source>Check the auth token and the trader id in Settings.</source>
        <translation>请在设置中检查认证令牌和交易员 ID。</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>Check the trader id and the feed URL in Settings.</source>
        <translation>请在设置中检查交易员 ID 和数据源地址。</translation>
    </message>
    <message>
        <source>request timeout</source>
        <translation>请求超时</translation>
    </message>
    <message>
        <source>too many requests</source>
        <translation>请求过多</translation>
    </message>
    <message>
        <source>server error</source>
        <translation>服务器错误</translation>
    </message>
    <message>
        <source>bad gateway</source>
        <translation>网关错误</translation>
    </message>
    <message>
        <source>service unavailable</source>
        <translation>服务不可用</translation>
    </message>
    <message>
        <source>gateway timeout</source>
        <translation>网关超时</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>the system keychain</source>
        <translation>系统钥匙串</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>&amp;Trader id:</source>
        <translation>交易员 ID(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Heartbeat every:</source>
        <translation>心跳间隔(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Pong timeout:</source>
        <translation>心跳应答超时(&amp;P)：</translation>
    </message>
    <message>
        <source>S&amp;napshot timeout:</source>
        <translation>快照超时(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Retries before giving up:</source>
        <translation>放弃前重试次数(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Give up after down for:</source>
        <translation>断开多久后放弃(&amp;G)：</translation>
    </message>
    <message>
        <source>Reconnect delay, &amp;shortest:</source>
        <translation>最短重连延迟(&amp;S)：</translation>
    </message>
    <message>
        <source>Reconnect delay, &amp;longest:</source>
        <translation>最长重连延迟(&amp;L)：</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>empty: the built-in demo feed</source>
        <translation>留空：使用内置模拟数据源</translation>
    </message>
    <message>
        <source>Trade Monitor protocol (native)</source>
        <translation>交易监控协议（native）</translation>
    </message>
    <message>
        <source>Original web client&apos;s backend (seed)</source>
        <translation>原网页客户端的后端（seed）</translation>
    </message>
    <message>
        <source>Profile file…</source>
        <translation>配置文件…</translation>
    </message>
    <message>
        <source>How the feed writes its messages; see docs/profiles.md</source>
        <translation>数据源的消息格式；参见 docs/profiles.md</translation>
    </message>
    <message>
        <source>a profile file (.json)</source>
        <translation>配置文件（.json）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>none; TRADE_MONITOR_TOKEN in the environment wins</source>
        <translation>无；环境变量 TRADE_MONITOR_TOKEN 优先</translation>
    </message>
    <message>
        <source>After subscribing, the feed must send its positions within this time; otherwise it is asked once more, then the connection is tried again.</source>
        <translation>订阅后，数据源必须在此时间内发送持仓；否则再请求一次，然后重新连接。</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>when the retries are used up</source>
        <translation>重试用完时</translation>
    </message>
    <message>
        <source>Give up only once the retries are used up and the feed has been down this long; until then retries go on at the longest delay.</source>
        <translation>只有在重试用完且数据源已断开这么久之后才放弃；在此之前按最长延迟继续重试。</translation>
    </message>
    <message>
        <source>Feed &amp;URL:</source>
        <translation>数据源地址(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Wire format:</source>
        <translation>消息格式(&amp;W)：</translation>
    </message>
    <message>
        <source>Auth t&amp;oken:</source>
        <translation>认证令牌(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Feed</source>
        <translation>数据源(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Alerts</source>
        <translation>提醒(&amp;A)</translation>
    </message>
    <message>
        <source>Choose a profile</source>
        <translation>选择配置文件</translation>
    </message>
    <message>
        <source>Profiles (*.json)</source>
        <translation>配置文件 (*.json)</translation>
    </message>
    <message>
        <source>Set on the command line for this run; the saved value is used when Trade Monitor starts without it.</source>
        <translation>本次运行由命令行设置；不带该参数启动交易监控时使用保存的值。</translation>
    </message>
    <message>
        <source>the feed URL</source>
        <translation>数据源地址</translation>
    </message>
    <message>
        <source>the wire format</source>
        <translation>消息格式</translation>
    </message>
    <message>
        <source>the token (TRADE_MONITOR_TOKEN)</source>
        <translation>令牌（TRADE_MONITOR_TOKEN）</translation>
    </message>
    <message>
        <source>Set on the command line for this run: %1. Shown as they run, they cannot be changed here.</source>
        <translation>本次运行由命令行设置：%1。显示的是运行中的值，无法在此修改。</translation>
    </message>
    <message>
        <source>&amp;Your own positions open or close</source>
        <translation>自主持仓开仓或平仓(&amp;Y)</translation>
    </message>
    <message>
        <source>F&amp;ollowed signal traders&apos; positions open or close</source>
        <translation>跟随的信号源持仓开仓或平仓(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Margin level falls below</source>
        <translation>保证金比例低于(&amp;M)</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Set it above your broker&apos;s stop-out level (often 50 %), to have time to act.</source>
        <translation>请设置在经纪商的强平水平（通常为 50 %）之上，以便有时间处理。</translation>
    </message>
    <message>
        <source>The feed is &amp;lost for longer than</source>
        <translation>数据源断开超过(&amp;L)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>And again when it is live: shorter outages pass unnoticed.</source>
        <translation>恢复实时时也会提醒；更短的中断不会提醒。</translation>
    </message>
    <message>
        <source>Play a so&amp;und</source>
        <translation>播放声音(&amp;U)</translation>
    </message>
    <message>
        <source>Show an icon in the &amp;tray</source>
        <translation>在托盘显示图标(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Keep running in the tray when the window is closed</source>
        <translation>关闭窗口后在托盘继续运行(&amp;K)</translation>
    </message>
    <message>
        <source>This desktop has no system tray.</source>
        <translation>此桌面没有系统托盘。</translation>
    </message>
    <message>
        <source>Notify me when:</source>
        <translation>在以下情况通知我：</translation>
    </message>
    <message>
        <source>Choose a profile file, or a built-in wire format.</source>
        <translation>请选择配置文件或内置消息格式。</translation>
    </message>
    <message>
        <source>&amp;Display</source>
        <translation>显示(&amp;D)</translation>
    </message>
    <message>
        <source>System (the computer&apos;s language)</source>
        <translation>跟随系统（电脑的语言）</translation>
    </message>
    <message>
        <source>La&amp;nguage:</source>
        <translation>语言(&amp;N)：</translation>
    </message>
    <message>
        <source>Takes effect when Trade Monitor starts again.</source>
        <translation>重新启动交易监控后生效。</translation>
    </message>
    <message>
        <source>Margin level below which to warn, in percent</source>
        <translation>保证金比例低于此值时提醒（百分比）</translation>
    </message>
    <message>
        <source>Seconds without live data before the feed is lost</source>
        <translation>无实时数据多少秒后视为行情中断</translation>
    </message>
    <message>
        <source>T&amp;est Connection</source>
        <translation>测试连接(&amp;E)</translation>
    </message>
    <message>
        <source>Connect once with these settings, beside the running feed, and say what happened</source>
        <translation>用这些设置连接一次（不影响正在运行的行情），并说明结果</translation>
    </message>
    <message>
        <source>Advanced: timing and reconnects</source>
        <translation>高级：时间与重连</translation>
    </message>
    <message>
        <source>Trying %1…</source>
        <translation>正在尝试 %1…</translation>
    </message>
    <message>
        <source>the demo feed</source>
        <translation>演示行情</translation>
    </message>
    <message>
        <source>System (as the desktop is)</source>
        <translation>系统（跟随桌面）</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Connect t&amp;imeout:</source>
        <translation>连接超时(&amp;I)：</translation>
    </message>
    <message>
        <source>A&amp;ccounts</source>
        <translation>账户(&amp;C)</translation>
    </message>
    <message>
        <source>Colo&amp;urs:</source>
        <translation>颜色(&amp;U)：</translation>
    </message>
    <message>
        <source>Accounts: %1</source>
        <translation>账户：%1</translation>
    </message>
    <message>
        <source>Several accounts are watched, each with its own feed URL, trader id, token and wire format: see Accounts. The timing below applies to all of them.</source>
        <translation>正在监控多个账户，每个账户都有自己的数据源地址、交易员 ID、令牌和消息格式：见“账户”页。下面的时间设置适用于所有账户。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>菜单</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>SocketConfig</name>
    <message>
        <source>The trader id must be a positive number.</source>
        <translation>交易员 ID 必须是正数。</translation>
    </message>
    <message>
        <source>The heartbeat interval must be greater than zero.</source>
        <translation>心跳间隔必须大于零。</translation>
    </message>
    <message>
        <source>The pong timeout must be greater than zero.</source>
        <translation>心跳应答超时必须大于零。</translation>
    </message>
    <message>
        <source>The connect timeout must be greater than zero.</source>
        <translation>连接超时必须大于零。</translation>
    </message>
    <message>
        <source>The shortest reconnect delay cannot be negative.</source>
        <translation>最短重连延迟不能为负数。</translation>
    </message>
    <message>
        <source>The number of retries cannot be negative (0 means unlimited).</source>
        <translation>重试次数不能为负数（0 表示不限）。</translation>
    </message>
    <message>
        <source>The largest incoming message must be greater than zero.</source>
        <translation>最大接收消息长度必须大于零。</translation>
    </message>
    <message>
        <source>The snapshot timeout must be greater than zero.</source>
        <translation>快照超时必须大于零。</translation>
    </message>
    <message>
        <source>The give-up time cannot be negative.</source>
        <translation>放弃时间不能为负数。</translation>
    </message>
    <message>
        <source>The feed URL &quot;%1&quot; is not a valid URL with a host.</source>
        <translation>数据源 URL &quot;%1&quot; 不是带主机名的有效 URL。</translation>
    </message>
    <message>
        <source>The feed URL must start with ws:// or wss://, not &quot;%1://&quot;.</source>
        <translation>数据源 URL 必须以 ws:// 或 wss:// 开头，而不是 &quot;%1://&quot;。</translation>
    </message>
    <message>
        <source>The longest reconnect delay (%1) is shorter than the shortest (%2).</source>
        <translation>最长重连延迟（%1）短于最短重连延迟（%2）。</translation>
    </message>
</context>
<context>
    <name>SocketManager</name>
    <message>
        <source>The server closed the connection (code %1).</source>
        <translation>服务器关闭了连接（代码 %1）。</translation>
    </message>
    <message>
        <source>The server closed the connection (code %1: %2).</source>
        <translation>服务器关闭了连接（代码 %1：%2）。</translation>
    </message>
    <message>
        <source>The server refused the connection: HTTP %1.</source>
        <translation>服务器拒绝了连接：HTTP %1。</translation>
    </message>
    <message>
        <source>The server refused the connection: HTTP %1 (%2).</source>
        <translation>服务器拒绝了连接：HTTP %1（%2）。</translation>
    </message>
    <message>
        <source>Connection refused by %1.</source>
        <translation>%1 拒绝了连接。</translation>
    </message>
    <message>
        <source>Host not found: %1.</source>
        <translation>找不到主机：%1。</translation>
    </message>
    <message>
        <source>Timed out talking to %1.</source>
        <translation>与 %1 通信超时。</translation>
    </message>
    <message>
        <source>TLS with %1 failed: %2</source>
        <translation>与 %1 的 TLS 连接失败：%2</translation>
    </message>
    <message>
        <source>Network error with %1: %2</source>
        <translation>与 %1 的网络错误：%2</translation>
    </message>
    <message>
        <source>Timed out connecting to %1 after %2.</source>
        <translation>连接 %1 超时（已等待 %2）。</translation>
    </message>
    <message>
        <source>The server&apos;s answer to the subscription was still arriving after %1.</source>
        <translation>订阅后已过 %1，服务器的应答仍在传输中。</translation>
    </message>
    <message>
        <source>The server sent no data within %1 of the subscription.</source>
        <translation>订阅后 %1 内服务器未发送任何数据。</translation>
    </message>
    <message>
        <source>%1 The subscription was sent twice.</source>
        <translation>%1 已发送两次订阅。</translation>
    </message>
    <message>
        <source>%1 closed the connection during the handshake.</source>
        <translation>%1 在握手期间关闭了连接。</translation>
    </message>
    <message>
        <source>The feed sent a message over the %1-byte limit (code 1009).</source>
        <translation>行情发送的消息超过 %1 字节的上限（代码 1009）。</translation>
    </message>
    <message>
        <source>%1 dropped the connection.</source>
        <translation>%1 断开了连接。</translation>
    </message>
    <message>
        <source>No reply from the server within %1 of a heartbeat; the connection is dead.</source>
        <translation>心跳发出后 %1 内服务器无任何回应，连接已失效。</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n retries over %2</source>
        <translation>
            <numerusform>%1 — 在 %2 内重试了 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>The server rejected the WebSocket handshake (HTTP 400, or an answer that is no WebSocket upgrade). %1</source>
        <translation>服务器拒绝了 WebSocket 握手（HTTP 400，或者应答不是 WebSocket 升级）。%1</translation>
    </message>
</context>
<context>
    <name>TableFooter</name>
    <message>
        <source>C&amp;lear filters</source>
        <translation>清除筛选(&amp;L)</translation>
    </message>
</context>
<context>
    <name>TableMenus</name>
    <message>
        <source>&amp;Copy Rows</source>
        <translation>复制行(&amp;C)</translation>
    </message>
    <message>
        <source>Copy &amp;Ticket</source>
        <translation>复制订单号(&amp;T)</translation>
    </message>
    <message>
        <source>Filter by &amp;Symbol %1</source>
        <translation>按品种 %1 筛选(&amp;S)</translation>
    </message>
    <message>
        <source>Filter by Signal T&amp;rader %1</source>
        <translation>按信号源 %1 筛选(&amp;R)</translation>
    </message>
    <message>
        <source>Filter by Signal T&amp;rader (your own position)</source>
        <translation>按信号源筛选(&amp;R)（自主持仓）</translation>
    </message>
</context>
<context>
    <name>TradeColumns</name>
    <message>
        <source>Ticket</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Open time</source>
        <translation>开仓时间</translation>
    </message>
    <message>
        <source>Close time</source>
        <translation>平仓时间</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>品种</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>手数</translation>
    </message>
    <message>
        <source>Open price</source>
        <translation>开仓价</translation>
    </message>
    <message>
        <source>Close price</source>
        <translation>平仓价</translation>
    </message>
    <message>
        <source>S/L</source>
        <translation>止损</translation>
    </message>
    <message>
        <source>T/P</source>
        <translation>止盈</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>现价</translation>
    </message>
    <message>
        <source>Swap</source>
        <translation>库存费</translation>
    </message>
    <message>
        <source>Commission</source>
        <translation>手续费</translation>
    </message>
    <message>
        <source>Profit</source>
        <translation>盈亏</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>净盈亏</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>平仓原因</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>信号源</translation>
    </message>
    <message>
        <source>Profit + swap + commission: what the trade added to the balance</source>
        <translation>盈亏 + 库存费 + 手续费：这笔交易给余额带来的增减</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
</context>
<context>
    <name>TradeExporter</name>
    <message>
        <source>Cannot read the trade history</source>
        <translation>无法读取交易历史</translation>
    </message>
</context>
<context>
    <name>TradeSpool</name>
    <message>
        <source>Cannot open the spool %1 for unsaved trades: %2</source>
        <translation>无法打开未保存交易的暂存文件 %1：%2</translation>
    </message>
    <message>
        <source>Cannot create the spool %1 for unsaved trades: %2</source>
        <translation>无法创建未保存交易的暂存文件 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a Trade Monitor spool; it was left as it is</source>
        <translation>%1 不是交易监控的暂存文件；它保持原样</translation>
    </message>
    <message>
        <source>no room for the spool: %1</source>
        <translation>暂存文件空间不足：%1</translation>
    </message>
    <message>
        <source>The spool for unsaved trades is not open</source>
        <translation>未保存交易的暂存文件未打开</translation>
    </message>
    <message>
        <source>Cannot write to the spool %1: %2</source>
        <translation>无法写入暂存文件 %1：%2</translation>
    </message>
    <message>
        <source>The spool %1 is held by another window</source>
        <translation>暂存文件 %1 正被另一个窗口占用</translation>
    </message>
</context>
<context>
    <name>TradeTable</name>
    <message>
        <source>Click to sort; drag to move; right-click to show or hide columns</source>
        <translation>单击排序；拖动移动；右键显示或隐藏列</translation>
    </message>
</context>
<context>
    <name>TradeText</name>
    <message>
        <source>Local time: %1</source>
        <translation>本地时间：%1</translation>
    </message>
    <message>
        <source>Local time: %1, %2</source>
        <translation>本地时间：%1，%2</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>买入</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>卖出</translation>
    </message>
    <message>
        <source>Take profit</source>
        <translation>止盈</translation>
    </message>
    <message>
        <source>Stop loss</source>
        <translation>止损</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>Stop out</source>
        <translation>强制平仓</translation>
    </message>
    <message>
        <source>Closed while offline (unconfirmed)</source>
        <translation>离线期间平仓（未确认）</translation>
    </message>
    <message numerus="yes">
        <source>%n closed trade(s)</source>
        <translation>
            <numerusform>%n 笔已平仓交易</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Other: %1</source>
        <translation>其他：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n position(s) thought closed while the feed was away turned out open; Closed Trades shows a close until the history can be corrected</source>
        <translation>
            <numerusform>%n 笔在数据源断开期间被认为已平仓的持仓实际仍在持有；历史更正之前，已平仓中仍会显示该平仓</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
</context>
<context>
    <name>TraderStatisticsModel</name>
    <message>
        <source>Own trades</source>
        <translation>自主交易</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Every trade above; click to show them all</source>
        <translation>以上全部交易；点击显示全部</translation>
    </message>
    <message>
        <source>Click to show only these trades</source>
        <translation>点击只显示这些交易</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <translation>从 %1 到 %2</translation>
    </message>
    <message>
        <source>the start</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>Signal trader</source>
        <translation>信号源</translation>
    </message>
    <message>
        <source>Trades</source>
        <translation>笔数</translation>
    </message>
    <message>
        <source>Win
rate</source>
        <translation>胜率</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>净盈亏</translation>
    </message>
    <message>
        <source>Gross
profit</source>
        <translation>总盈利</translation>
    </message>
    <message>
        <source>Gross
loss</source>
        <translation>总亏损</translation>
    </message>
    <message>
        <source>Profit
factor</source>
        <translation>盈利因子</translation>
    </message>
    <message>
        <source>Average
win</source>
        <translation>平均盈利</translation>
    </message>
    <message>
        <source>Average
loss</source>
        <translation>平均亏损</translation>
    </message>
    <message>
        <source>Largest
win</source>
        <translation>最大盈利</translation>
    </message>
    <message>
        <source>Largest
loss</source>
        <translation>最大亏损</translation>
    </message>
    <message>
        <source>Max
drawdown</source>
        <translation>最大回撤</translation>
    </message>
    <message>
        <source>Swap +
comm.</source>
        <translation>库存费+
手续费</translation>
    </message>
    <message>
        <source>Lots</source>
        <translation>手数</translation>
    </message>
    <message>
        <source>Average
holding</source>
        <translation>平均持仓</translation>
    </message>
    <message>
        <source>Whose trades: a signal trader copied, your own positions, or all of them</source>
        <translation>谁的交易：跟单的信号源、自主持仓，或全部</translation>
    </message>
    <message>
        <source>Closed trades in the period</source>
        <translation>时间段内的已平仓交易笔数</translation>
    </message>
    <message>
        <source>Share of trades with a net above zero</source>
        <translation>净盈亏大于零的交易所占比例</translation>
    </message>
    <message>
        <source>Profit + swap + commission, added up</source>
        <translation>盈亏 + 库存费 + 手续费之和</translation>
    </message>
    <message>
        <source>The nets of the winning trades, added up</source>
        <translation>盈利交易的净盈亏之和</translation>
    </message>
    <message>
        <source>The nets of the losing trades, added up</source>
        <translation>亏损交易的净盈亏之和</translation>
    </message>
    <message>
        <source>Gross profit ÷ |gross loss|; ∞ with no losing trade, – with neither</source>
        <translation>总盈利 ÷ |总亏损|；没有亏损交易时为 ∞，既无盈利也无亏损时为 –</translation>
    </message>
    <message>
        <source>Gross profit ÷ winning trades</source>
        <translation>总盈利 ÷ 盈利交易笔数</translation>
    </message>
    <message>
        <source>Gross loss ÷ losing trades</source>
        <translation>总亏损 ÷ 亏损交易笔数</translation>
    </message>
    <message>
        <source>The largest net of one trade</source>
        <translation>单笔交易的最大净盈亏</translation>
    </message>
    <message>
        <source>The most negative net of one trade</source>
        <translation>单笔交易的最大净亏损</translation>
    </message>
    <message>
        <source>The largest fall of the cumulative net, in close order, from a peak to a later trough (starting from 0)</source>
        <translation>按平仓顺序累计净盈亏从高点到其后低点的最大跌幅（从 0 起算）</translation>
    </message>
    <message>
        <source>Swap and commission, added up</source>
        <translation>库存费与手续费之和</translation>
    </message>
    <message>
        <source>Volume traded, in lots</source>
        <translation>交易量（手）</translation>
    </message>
    <message>
        <source>Close time − open time, on average</source>
        <translation>平仓时间 − 开仓时间的平均值</translation>
    </message>
    <message>
        <source>Not added up: %1</source>
        <translation>未合计：%1</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>&amp;Show Trade Monitor</source>
        <translation>显示交易监控(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Trade Monitor</source>
        <translation>交易监控</translation>
    </message>
    <message>
        <source>Trade Monitor — %1</source>
        <translation>交易监控 — %1</translation>
    </message>
</context>
<context>
    <name>WindowHost</name>
    <message>
        <source>The accounts could not be started (%1); the window goes on with the ones before.</source>
        <translation>无法启动这些账户（%1）；窗口继续使用之前的账户。</translation>
    </message>
    <message>
        <source>Watching the feed of Settings now.</source>
        <translation>现在监控设置中的行情源。</translation>
    </message>
    <message>
        <source>Watching %1 now.</source>
        <translation>现在监控 %1。</translation>
    </message>
    <message numerus="yes">
        <source>The accounts take effect at the next start: %n closed trade(s) not saved yet would be lost now.</source>
        <translation>
            <numerusform>账户更改将在下次启动时生效：现在切换会丢失 %n 笔尚未保存的已平仓交易。</numerusform>
        </translation>
    </message>
</context>
</TS>

/**
 * What chat messages are made of: whole phrases people type in rooms, and words to vary them,
 * in several languages and scripts (accents, right-to-left, CJK) plus emoji.
 */
export interface Language {
  readonly code: string;
  readonly phrases: readonly string[];
  readonly words: readonly string[];
}

export const ENGLISH: Language = {
  code: 'en',
  phrases: [
    'can you take a look at this', 'the build is green again', 'deploying to staging now', 'meeting moved to 3pm',
    'thanks, that fixed it', 'who owns this one', 'I will follow up after lunch', 'any news from the customer',
    'the numbers for last quarter are in', 'please review before Friday', 'server is back up', 'rolling back the last change',
    'that is expected behaviour', 'I cannot reproduce it here', 'let us discuss in the stand-up', 'good morning everyone',
    'see the wiki for details', 'approved', 'on it', 'sounds good to me', 'the report is attached', 'ping me when you are done',
    'who is on call tonight', 'the demo went well', 'we need a decision by tomorrow', 'adding the finance team to the thread',
    'the VPN is flaky again', 'is the release still on track', 'I have updated the spreadsheet', 'nice work everyone',
    'the price list changed this morning', 'customer confirmed the order', 'invoice is overdue', 'shipping delayed by two days',
    'can we move the review to Monday', 'please keep this room on topic', 'fixed in the next build', 'logs are in the share',
  ],
  words: [
    'the', 'a', 'and', 'to', 'of', 'for', 'on', 'with', 'we', 'it', 'this', 'that', 'is', 'was', 'will', 'can', 'need',
    'build', 'release', 'server', 'client', 'customer', 'order', 'invoice', 'report', 'meeting', 'review', 'change',
    'issue', 'ticket', 'fix', 'test', 'deploy', 'budget', 'forecast', 'quarter', 'team', 'project', 'deadline', 'draft',
    'update', 'status', 'today', 'tomorrow', 'yesterday', 'morning', 'afternoon', 'please', 'thanks', 'again', 'soon',
    'later', 'quick', 'question', 'answer', 'problem', 'solution', 'plan', 'schedule', 'agenda', 'notes', 'numbers',
    'price', 'contract', 'partner', 'vendor', 'network', 'database', 'backup', 'restore', 'login', 'password', 'access',
    'error', 'warning', 'latency', 'outage', 'capacity', 'storage', 'migration', 'rollout', 'pilot', 'feedback',
  ],
};

export const GERMAN: Language = {
  code: 'de',
  phrases: [
    'kannst du dir das bitte ansehen', 'der Build ist wieder grün', 'Besprechung auf 15 Uhr verschoben', 'danke, das hat geholfen',
    'wer kümmert sich darum', 'ich melde mich nach der Mittagspause', 'die Zahlen für das Quartal sind da', 'bitte bis Freitag prüfen',
    'der Server läuft wieder', 'gute Arbeit, alle zusammen', 'Lieferung verzögert sich um zwei Tage', 'Grüße aus München',
  ],
  words: ['und', 'der', 'die', 'das', 'für', 'mit', 'über', 'Prüfung', 'Qualität', 'Größe', 'Kunde', 'Rechnung', 'Bericht', 'heute', 'morgen', 'schön', 'Änderung', 'Übersicht'],
};

export const FRENCH: Language = {
  code: 'fr',
  phrases: [
    'peux-tu jeter un œil à ceci', 'la compilation est de nouveau verte', 'réunion déplacée à 15h', 'merci, ça a réglé le problème',
    'qui s’en occupe', 'je reviens vers toi après le déjeuner', 'les chiffres du trimestre sont arrivés', 'à valider avant vendredi',
    'le serveur est de nouveau disponible', 'très bon travail à tous', 'la livraison a deux jours de retard', 'bonne journée à tous',
  ],
  words: ['et', 'le', 'la', 'les', 'pour', 'avec', 'déjà', 'été', 'problème', 'équipe', 'réunion', 'facture', 'client', 'aujourd’hui', 'demain', 'très', 'où', 'ça'],
};

export const SPANISH: Language = {
  code: 'es',
  phrases: [
    '¿puedes revisar esto?', 'la compilación vuelve a estar en verde', 'reunión movida a las 15h', 'gracias, eso lo arregló',
    '¿quién se encarga de esto?', 'las cifras del trimestre ya están', 'por favor, revisad antes del viernes', 'el servidor ya funciona',
    'buen trabajo, equipo', 'el envío se retrasa dos días', '¡feliz año nuevo!', 'mañana lo vemos con más calma',
  ],
  words: ['y', 'el', 'la', 'los', 'para', 'con', 'también', 'información', 'reunión', 'cliente', 'factura', 'mañana', 'año', 'número', 'rápido', 'señal'],
};

export const HEBREW: Language = {
  code: 'he',
  phrases: ['בוקר טוב לכולם', 'תודה, זה עבד', 'מי אחראי על זה', 'הפגישה נדחתה לשלוש', 'השרת חזר לפעול', 'עבודה טובה צוות', 'נא לבדוק עד יום שישי'],
  words: ['שלום', 'תודה', 'לקוח', 'חשבונית', 'פגישה', 'היום', 'מחר', 'צוות', 'פרויקט', 'בדיקה'],
};

export const ARABIC: Language = {
  code: 'ar',
  phrases: ['صباح الخير للجميع', 'شكرا، تم الحل', 'من المسؤول عن هذا', 'تم تأجيل الاجتماع', 'الخادم يعمل من جديد', 'عمل رائع يا فريق', 'يرجى المراجعة قبل الجمعة'],
  words: ['مرحبا', 'شكرا', 'عميل', 'فاتورة', 'اجتماع', 'اليوم', 'غدا', 'فريق', 'مشروع', 'تقرير'],
};

export const JAPANESE: Language = {
  code: 'ja',
  phrases: ['おはようございます', 'ありがとうございます、直りました', 'これは誰の担当ですか', '会議は15時に変更です', 'サーバーが復旧しました', 'お疲れ様でした', '金曜日までに確認お願いします'],
  words: ['会議', '顧客', '請求書', '報告', '今日', '明日', 'チーム', '案件', '確認', '対応'],
};

export const CHINESE: Language = {
  code: 'zh',
  phrases: ['大家早上好', '谢谢，问题解决了', '这个谁负责', '会议改到下午三点', '服务器已经恢复', '大家辛苦了', '请在周五之前审核'],
  words: ['会议', '客户', '发票', '报告', '今天', '明天', '团队', '项目', '测试', '发布'],
};

export const LANGUAGES: readonly Language[] = [ENGLISH, GERMAN, FRENCH, SPANISH, HEBREW, ARABIC, JAPANESE, CHINESE];

/** Emoji, some of them sequences (ZWJ families, skin tones, flags): several UTF-16 units each. */
export const EMOJI: readonly string[] = ['👍', '🎉', '😀', '🙏', '🔥', '✅', '❌', '☕', '🚀', '📈', '🤔', '👩‍💻', '👨‍👩‍👧', '👍🏽', '🇩🇪', '🇯🇵', '❤️', '😅'];

export const URL_PATHS: readonly string[] = ['wiki/Release_notes', 'sites/finance/Reports', 'tickets/browse', 'builds/latest', 'docs/runbook#rollback', 'sales/pipeline?view=q3'];

export const TICKET_PREFIXES: readonly string[] = ['BUG', 'OPS', 'FIN', 'SR', 'CHG', 'INC'];

export const LOG_LINES: readonly string[] = [
  'ERROR [Channel] Connection to net.tcp://gc02:8011 timed out after 30000 ms',
  'WARN  [Lookup] Retrying registration for sip:ocschat@contoso.com',
  'INFO  [Build] Compiling 412 files… done in 38.2 s',
  'at Contoso.Orders.InvoiceService.Post(Invoice invoice) in InvoiceService.cs:line 214',
  'SELECT TOP 10 * FROM Orders WHERE Status = \'Open\' ORDER BY Created DESC;',
  '>> robocopy \\\\fs01\\share D:\\archive /MIR /R:2 /W:5',
];

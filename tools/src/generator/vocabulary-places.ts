/**
 * Words that category and room names are made of. Ordinary names stay short (categories ≤ 28,
 * rooms ≤ 40 UTF-16 code units), so that only the planted names exceed 256 characters once
 * flattened, whatever separator the importer chooses (up to 5 characters, 6 levels deep).
 */
export const MAX_CATEGORY_NAME = 28;
export const MAX_ROOM_NAME = 40;

/** Top-level categories: divisions and functions, a few in other languages and scripts. */
export const TOP_CATEGORY_NAMES: readonly string[] = [
  'Engineering', 'Sales', 'Marketing', 'Finance', 'Human Resources', 'Legal', 'Customer Support', 'Operations',
  'Research', 'IT Services', 'Facilities', 'Procurement', 'Product Management', 'Design Studio', 'Quality Assurance',
  'Trading Floor', 'Compliance', 'Investor Relations', 'Communications', 'Training', 'Développement', 'Vertrieb',
  'Ventas LATAM', 'Logística', 'Qualität & Prüfung', '営業部', 'مبيعات', 'מחקר ופיתוח', '🚀 Launches', 'Partners',
  'Corporate Strategy', 'Treasury', 'Internal Audit', 'Security Office', 'Field Service', 'Manufacturing',
  'Supply Chain', 'Data & Analytics', 'Executive Office', 'Community', 'Retail Stores', 'Services Delivery',
];

/** Words for nested categories: regions, teams, projects, periods. */
export const SUB_CATEGORY_WORDS: readonly string[] = [
  'EMEA', 'Americas', 'APAC', 'Nordics', 'DACH', 'Benelux', 'Île-de-France', 'São Paulo', 'Zürich', 'Kraków', 'München',
  '東京', 'תל אביב', 'القاهرة', 'Seoul', 'Mumbai', 'Sydney', 'Toronto', 'Platform', 'Mobile', 'Web', 'Data', 'Security',
  'Payroll', 'Tax', 'Audit', 'Recruiting', 'Benefits', 'Contracts', 'Patents', 'Key Accounts', 'Channel', 'Inside Sales',
  'Pre-Sales', 'Events', 'Brand', 'Digital', 'Infrastructure', 'Networks', 'Service Desk', 'Phoenix', 'Atlas', 'Borealis',
  'Nimbus', 'Orion', 'Helios', 'Kestrel', 'Tundra', 'Zephyr', 'Archive', 'Vendors', 'Onboarding', 'FY2010', 'FY2011',
  'FY2012', 'FY2013', 'Q1', 'Q2', 'Q3', 'Q4', 'Releases', 'Incidents', 'Programs', 'Labs', 'Tooling', 'Analytics',
  'Équipe Ouest', 'Région Sud', 'Niederlassung Wien', 'Oficina Madrid', 'Escritório Lisboa', 'Kontor Oslo', '☕ Social',
];

/** Room names are "<subject> <kind>" or "<kind> – <subject>". */
export const ROOM_SUBJECTS: readonly string[] = [
  'Build', 'Release', 'Platform', 'Mobile', 'Web', 'Data', 'Payroll', 'Tax', 'Audit', 'Recruiting', 'Benefits', 'Contracts',
  'Key Accounts', 'Partner', 'Brand', 'Campaign', 'Network', 'Server', 'Database', 'Storage', 'Phoenix', 'Atlas', 'Borealis',
  'Nimbus', 'Orion', 'Helios', 'Kestrel', 'Tundra', 'Zephyr', 'Customer', 'Vendor', 'Pricing', 'Forecast', 'Budget',
  'Quarter-end', 'Year-end', 'Onboarding', 'Security', 'Privacy', 'Billing', 'Shipping', 'Warehouse', 'Returns', 'Trading',
  'Équipe', 'Projekt', 'Proyecto', 'Qualität', 'Kundenservice', 'Vendas', 'プロジェクト', 'פרויקט', 'مشروع', 'Zürich office',
  'Lisboa', 'Montréal', 'Göteborg', 'Łódź', 'Berlin', 'Dublin', 'Singapore', 'Nairobi', 'Austin', 'Redmond',
];

export const ROOM_KINDS: readonly string[] = [
  'general', 'stand-up', 'release planning', 'build breaks', 'on-call', 'announcements', 'watercooler', 'incident review',
  'design review', 'Q&A', 'escalations', 'desk', 'deal room', 'war room', 'triage', 'retro', 'help', 'news', 'ops',
  'Kaffeeküche', 'café ☕', 'discusión', 'réunion hebdo', 'ヘルプデスク', 'שאלות ותשובות', 'نقاش', 'status 📈', 'alerts 🔔',
  'dev chat', 'planning', 'support', 'leads', 'interviews', 'backlog', 'demos', 'lunch 🍕',
];

/** Long, wordy room names (the planted over-long flattened names are made of these). */
export const VERBOSE_ROOM_PHRASES: readonly string[] = [
  'Weekly cross-team coordination for the migration of the legacy order management and invoicing systems',
  'including the regional finance teams, the external auditors and the shared-services centre in Kraków',
  'Archive of every escalation raised by strategic customers in the enterprise segment since the 2009 reorganisation',
  'together with the follow-up actions agreed in the quarterly business reviews with the account teams',
  'Koordination der Qualitätsprüfung für alle Zulieferer der Fertigungslinien in München, Wien und Zürich',
  'Réunion de suivi des projets de transformation numérique des agences de la région Île-de-France et du Sud',
];

export const ADDIN_NAMES: readonly string[] = [
  'Build Dashboard', 'Team Wiki', 'Ticket Viewer', 'Stock Ticker', 'News Feed', 'CRM Lookup', 'Deploy Board', 'On-call Rota',
  'Sales Pipeline', 'Knowledge Base', 'Holiday Planner', 'Status Monitor', 'Expense Helper', 'Lunch Menu',
];

/**
 * Names of people, from many cultures, each with the ASCII form that SIP addresses and account
 * names use (non-Latin scripts are romanised, accents dropped).
 */
export interface NamePart {
  readonly display: string;
  readonly ascii: string;
}

const part = (display: string, ascii?: string): NamePart => ({ display, ascii: ascii ?? asciiOf(display) });

/** Latin letters without accents, lower case; other letters are dropped. */
export function asciiOf(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[øØ]/g, 'o')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[łŁ]/g, 'l')
    .replace(/[đĐ]/g, 'd')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();
}

export const FIRST_NAMES: readonly NamePart[] = [
  part('Anna'), part('James'), part('María'), part('Mohammed'), part('Zoë'), part('Lukas'), part('Chloé'), part('Søren'),
  part('Olivia'), part('Noah'), part('Emma'), part('Liam'), part('Sophia'), part('Mateo'), part('Isabella'), part('Lucas'),
  part('Mia'), part('Ethan'), part('Amelia'), part('Oliver'), part('Charlotte'), part('Elijah'), part('Harper'), part('Benjamin'),
  part('François'), part('Hélène'), part('Jürgen'), part('Ümit'), part('Åsa'), part('Björn'), part('Małgorzata'), part('Łukasz'),
  part('José'), part('Inês'), part('João'), part('Dóra'), part('Zoltán'), part('Jiří'), part('Tomáš'), part('Ngozi'),
  part('Chinedu'), part('Aroha'), part('Priya'), part('Arjun'), part('Ananya'), part('Rohan'), part('Mei'), part('Hiroshi'),
  part('Yuki'), part('Sakura'), part('Min-jun'), part('Seo-yeon'), part('Thanh'), part('Nguyễn'), part('Siobhán'), part('Eóin'),
  part('Niamh'), part('Dmitri'), part('Olga'), part('Svetlana'), part('Aleksandr'), part('Fatima'), part('Omar'), part('Layla'),
  part('Yael'), part('Noa'), part('Itai'), part('Ayşe'), part('Mehmet'), part('Kwame'), part('Amara'), part('Lars'),
  part('Ingrid'), part('Camille'), part('Théo'), part('Giulia'), part('Lorenzo'), part('Sofía'), part('Diego'), part('Valentina'),
  part('伟', 'wei'), part('芳', 'fang'), part('静', 'jing'), part('陽翔', 'haruto'), part('さくら', 'sakura'), part('محمد', 'muhammad'),
  part('فاطمة', 'fatima'), part('יעל', 'yael'), part('דוד', 'david'), part('Алексей', 'aleksei'), part('Мария', 'mariya'), part('Γιώργος', 'giorgos'),
];

export const LAST_NAMES: readonly NamePart[] = [
  part('Müller'), part('Smith'), part('García'), part('Al-Rashid'), part('Dupont'), part('Schmidt'), part('Lefèvre'), part('Jørgensen'),
  part('Johnson'), part('Williams'), part('Brown'), part('Jones'), part('Miller'), part('Davis'), part('Rodríguez'), part('Martínez'),
  part('Hernández'), part('López'), part('González'), part('Wilson'), part('Anderson'), part('Thomas'), part('Taylor'), part('Moore'),
  part('Jackson'), part('Martin'), part('Lee'), part('Pérez'), part('Thompson'), part('White'), part('Harris'), part('Sánchez'),
  part('Clark'), part('Ramírez'), part('Lewis'), part('Robinson'), part('Walker'), part('Young'), part('Allen'), part('King'),
  part('Wright'), part('Scott'), part('Torres'), part('Nguyen'), part('Hill'), part('Flores'), part('Green'), part('Adams'),
  part('Nelson'), part('Baker'), part('Hall'), part('Rivera'), part('Campbell'), part('Mitchell'), part('Carter'), part('Roberts'),
  part('Weiß'), part('Schäfer'), part('Köhler'), part('Østergaard'), part('Kowalczyk'), part('Wiśniewski'), part('Novák'), part('Dvořák'),
  part('Nagy'), part('Kovács'), part('Ó Briain'), part('MacDonald'), part("O'Neil"), part('Fernandes'), part('Gonçalves'), part('Rossi'),
  part('Bianchi'), part('Esposito'), part('Yılmaz'), part('Öztürk'), part('Kim'), part('Park'), part('Choi'), part('Tanaka'),
  part('Suzuki'), part('Watanabe'), part('Patel'), part('Sharma'), part('Gupta'), part('Okafor'), part('Mensah'), part('Haddad'),
  part('Cohen'), part('Levi'), part('Ivanov'), part('Petrova'), part('Papadopoulos'), part('Nielsen'), part('Andersson'), part('Virtanen'),
  part('王', 'wang'), part('李', 'li'), part('张', 'zhang'), part('佐藤', 'sato'), part('高橋', 'takahashi'), part('حداد', 'haddad'),
  part('כהן', 'cohen'), part('Смирнов', 'smirnov'), part('Παπαδόπουλος', 'papadopoulos'), part('Nguyễn Văn', 'nguyenvan'),
];

/** Departments: OU names and the themes of top-level categories. */
export const DEPARTMENTS: readonly string[] = [
  'Engineering', 'Sales', 'Marketing', 'Finance', 'Human Resources', 'Legal', 'Customer Support', 'Operations',
  'Research', 'IT', 'Facilities', 'Procurement', 'Product Management', 'Design', 'Quality Assurance', 'Trading',
  'Compliance', 'Investor Relations', 'Communications', 'Training',
];

export const COMPANY = 'Contoso, Ltd.';

/** Partner organisations whose users reached Group Chat through federation. */
export const FEDERATED_DOMAINS: readonly string[] = ['litwareinc.com', 'adventure-works.com', 'tailspintoys.com', 'wingtiptoys.com'];

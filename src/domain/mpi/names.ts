/**
 * Synthetic name, street and city lists for the MPI generator, and the nickname table used by both the
 * generator (to create nickname duplicates, MPI-C2) and the matcher (nickname-aware name agreement,
 * MATCH-3 in him-rules.md section 6). All names are common given/family names; no real patient data.
 */

export const FEMALE_GIVEN = [
  'Margaret', 'Elizabeth', 'Catherine', 'Patricia', 'Jennifer', 'Susan', 'Deborah', 'Barbara', 'Dorothy', 'Rebecca',
  'Victoria', 'Christine', 'Jessica', 'Abigail', 'Samantha', 'Alexandra', 'Kimberly', 'Theresa', 'Judith', 'Frances',
  'Virginia', 'Eleanor', 'Josephine', 'Rosalind', 'Cynthia', 'Pamela', 'Gwendolyn', 'Harriet', 'Matilda', 'Penelope',
  'Maria', 'Guadalupe', 'Ana', 'Lucia', 'Rosa', 'Carmen', 'Yolanda', 'Mei', 'Ling', 'Priya', 'Anjali', 'Fatima',
  'Aisha', 'Ngozi', 'Olga', 'Ingrid', 'Siobhan', 'Maeve', 'Chloe', 'Emma', 'Olivia', 'Ava', 'Sophia', 'Isabella',
  'Mia', 'Harper', 'Evelyn', 'Madison', 'Zoe', 'Nora', 'Hazel', 'Aurora', 'Ruby', 'Ivy', 'Jasmine', 'Tamika',
  'Latoya', 'Keisha', 'Brenda', 'Donna', 'Carol', 'Sharon', 'Joan', 'Gloria', 'Lorraine', 'Beverly', 'Wanda',
] as const;

export const MALE_GIVEN = [
  'William', 'Robert', 'Richard', 'James', 'John', 'Michael', 'Thomas', 'Charles', 'Joseph', 'Edward',
  'Anthony', 'Daniel', 'Christopher', 'Matthew', 'Andrew', 'Jonathan', 'Benjamin', 'Nicholas', 'Alexander', 'Samuel',
  'Timothy', 'Kenneth', 'Ronald', 'Donald', 'Gerald', 'Lawrence', 'Raymond', 'Frederick', 'Theodore', 'Harold',
  'Jose', 'Juan', 'Luis', 'Carlos', 'Miguel', 'Jesus', 'Francisco', 'Wei', 'Jian', 'Rajesh', 'Arjun', 'Mohammed',
  'Omar', 'Chinedu', 'Dmitri', 'Lars', 'Sean', 'Declan', 'Liam', 'Noah', 'Elijah', 'Lucas', 'Mason', 'Ethan',
  'Logan', 'Jackson', 'Aiden', 'Caleb', 'Owen', 'Wyatt', 'Isaac', 'Levi', 'Darnell', 'Tyrone', 'Marcus',
  'Dwayne', 'Curtis', 'Leonard', 'Walter', 'Eugene', 'Roy', 'Ralph', 'Stanley', 'Arthur', 'Gary',
] as const;

export const FAMILY = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin',
  'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson',
  'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores',
  'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts',
  'Okafor', 'Adeyemi', 'Kowalski', 'Nowak', 'Schmidt', 'Schneider', 'Fischer', 'Novak', 'Horvath', 'Kovacs',
  'Petrov', 'Ivanova', 'Haddad', 'Khalil', 'Nasser', 'Patel', 'Shah', 'Reddy', 'Iyer', 'Chen',
  'Wang', 'Zhang', 'Liu', 'Huang', 'Kim', 'Park', 'Tanaka', 'Sato', 'Yamamoto', 'Tran',
  'OBrien', 'McCarthy', 'Murphy', 'Kelly', 'Sullivan', 'Byrne', 'Gallagher', 'Doyle', 'Lindqvist', 'Johansson',
  'Abernathy', 'Blackwood', 'Thistlewaite', 'Ashcombe', 'Pemberton', 'Whitlock', 'Fairweather', 'Hollingsworth', 'Kettering', 'Marchetti',
  'Castellano', 'Bianchi', 'Romano', 'Esposito', 'Moreau', 'Lefebvre', 'Dubois', 'Fontaine', 'Delacroix', 'Bergstrom',
  'Quintero', 'Villanueva', 'Cordova', 'Salazar', 'Mendoza', 'Guerrero', 'Navarro', 'Delgado', 'Vasquez', 'Acosta',
  'Washington', 'Jefferson', 'Freeman', 'Brooks', 'Coleman', 'Bryant', 'Alexander', 'Russell', 'Griffin', 'Hayes',
  'Stewart', 'Morris', 'Rogers', 'Reed', 'Cook', 'Morgan', 'Bell', 'Murray', 'Cooper', 'Richardson',
] as const;

export const STREETS = [
  'Elm St', 'Oak Ave', 'Maple Dr', 'Cedar Ln', 'Birch Rd', 'Willow Way', 'Pine St', 'Aspen Ct', 'Juniper Pl',
  'Larkspur Blvd', 'Valley View Rd', 'Mill Creek Rd', 'Sycamore St', 'Chestnut Ave', 'Magnolia Dr', 'Hawthorne St',
  'Orchard Ln', 'Meadowbrook Dr', 'River Rd', 'Summit Ave', 'Lakeshore Dr', 'Quarry Rd', 'Foxglove Ct',
  'Heron Ridge Rd', 'Granite St', 'Fairview Ave', 'Bluebell Ln', 'Cottonwood Dr', 'Prairie St', 'Station Rd',
] as const;

/** Cities of the fictional Larkspur Valley service area with a ZIP each. */
export const CITIES = [
  { city: 'Larkspur Valley', state: 'OR', zip: '97431' },
  { city: 'Larkspur Valley', state: 'OR', zip: '97432' },
  { city: 'Millbrook', state: 'OR', zip: '97438' },
  { city: 'Cedar Falls', state: 'OR', zip: '97440' },
  { city: 'Harlow', state: 'OR', zip: '97446' },
  { city: 'North Fork', state: 'OR', zip: '97452' },
  { city: 'Stillwater', state: 'OR', zip: '97455' },
] as const;

/**
 * Nickname table: each row is one canonical given name and the forms people are registered under.
 * Matching treats two names as agreeing "by nickname" when they share a row (MPI-C2, MATCH-3).
 */
export const NICKNAMES: Readonly<Record<string, readonly string[]>> = {
  WILLIAM: ['BILL', 'BILLY', 'WILL', 'WILLIE', 'LIAM'],
  ROBERT: ['BOB', 'BOBBY', 'ROB', 'ROBBIE', 'BERT'],
  RICHARD: ['RICK', 'RICH', 'DICK', 'RICKY'],
  JAMES: ['JIM', 'JIMMY', 'JAMIE'],
  JOHN: ['JACK', 'JOHNNY', 'JON'],
  MICHAEL: ['MIKE', 'MICKEY', 'MICK'],
  THOMAS: ['TOM', 'TOMMY'],
  CHARLES: ['CHARLIE', 'CHUCK', 'CHAS'],
  JOSEPH: ['JOE', 'JOEY'],
  EDWARD: ['ED', 'EDDIE', 'TED', 'NED'],
  ANTHONY: ['TONY'],
  DANIEL: ['DAN', 'DANNY'],
  CHRISTOPHER: ['CHRIS', 'KIT'],
  MATTHEW: ['MATT'],
  ANDREW: ['ANDY', 'DREW'],
  JONATHAN: ['JON', 'JONNY'],
  BENJAMIN: ['BEN', 'BENNY'],
  NICHOLAS: ['NICK', 'NICKY'],
  ALEXANDER: ['ALEX', 'AL', 'SANDY'],
  SAMUEL: ['SAM', 'SAMMY'],
  TIMOTHY: ['TIM', 'TIMMY'],
  KENNETH: ['KEN', 'KENNY'],
  RONALD: ['RON', 'RONNIE'],
  DONALD: ['DON', 'DONNIE'],
  GERALD: ['GERRY', 'JERRY'],
  LAWRENCE: ['LARRY'],
  RAYMOND: ['RAY'],
  FREDERICK: ['FRED', 'FREDDIE'],
  THEODORE: ['TED', 'TEDDY', 'THEO'],
  HAROLD: ['HAL', 'HARRY'],
  FRANCISCO: ['PACO', 'PANCHO', 'FRANK'],
  JOSE: ['PEPE'],
  LEONARD: ['LEN', 'LENNY', 'LEO'],
  WALTER: ['WALT', 'WALLY'],
  EUGENE: ['GENE'],
  STANLEY: ['STAN'],
  ARTHUR: ['ART', 'ARTIE'],
  MARGARET: ['PEGGY', 'MAGGIE', 'MEG', 'MARGE', 'PEG', 'GRETA'],
  ELIZABETH: ['LIZ', 'BETH', 'BETTY', 'LIZZIE', 'ELIZA', 'BETSY', 'LIBBY'],
  CATHERINE: ['CATHY', 'KATE', 'KATIE', 'KAT', 'CATHERYN'],
  PATRICIA: ['PAT', 'PATTY', 'TRISH', 'TRICIA'],
  JENNIFER: ['JEN', 'JENNY'],
  SUSAN: ['SUE', 'SUSIE'],
  DEBORAH: ['DEB', 'DEBBIE'],
  BARBARA: ['BARB', 'BABS'],
  DOROTHY: ['DOT', 'DOTTIE'],
  REBECCA: ['BECKY', 'BECCA'],
  VICTORIA: ['VICKY', 'TORI'],
  CHRISTINE: ['CHRIS', 'CHRISSY', 'TINA'],
  JESSICA: ['JESS', 'JESSIE'],
  ABIGAIL: ['ABBY'],
  SAMANTHA: ['SAM', 'SAMMY'],
  ALEXANDRA: ['ALEX', 'SANDRA', 'LEXI'],
  KIMBERLY: ['KIM'],
  THERESA: ['TERRY', 'TESS', 'TERESA'],
  JUDITH: ['JUDY'],
  FRANCES: ['FRAN', 'FRANNIE'],
  VIRGINIA: ['GINNY', 'GINGER'],
  ELEANOR: ['ELLIE', 'NELL', 'NORA'],
  JOSEPHINE: ['JO', 'JOSIE'],
  CYNTHIA: ['CINDY'],
  PAMELA: ['PAM'],
  GWENDOLYN: ['GWEN'],
  HARRIET: ['HATTIE'],
  MATILDA: ['TILLY', 'MATTIE'],
  PENELOPE: ['PENNY'],
  GUADALUPE: ['LUPE'],
  DONNA: ['DONNIE'],
};

/** Upper-cased name -> canonical forms it belongs to (a nickname may belong to several, e.g. CHRIS). */
export const NICKNAME_GROUPS: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  const add = (name: string, canonical: string) => {
    const list = map.get(name) ?? [];
    if (!list.includes(canonical)) list.push(canonical);
    map.set(name, list);
  };
  for (const [canonical, nicks] of Object.entries(NICKNAMES)) {
    add(canonical, canonical);
    for (const n of nicks) add(n, canonical);
  }
  return map;
})();

/** True when two given names are the same name or nickname forms of one name (MPI-C2). */
export function areNicknames(a: string, b: string): boolean {
  const x = a.toUpperCase();
  const y = b.toUpperCase();
  if (x === y) return true;
  const gx = NICKNAME_GROUPS.get(x);
  const gy = NICKNAME_GROUPS.get(y);
  return !!gx && !!gy && gx.some((c) => gy.includes(c));
}

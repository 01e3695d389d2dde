// A gazetteer of common given names with their usual gender, so that "he" and "she" can find the right
// person. International on purpose (English, Russian, Turkish, Arabic, German, French, Spanish, Nordic…):
// wire copy names people from everywhere. Names that are common for both genders are left out, so their
// gender stays unknown rather than wrong.
import { lowerCase } from './lowerCase';

export type Gender = 'male' | 'female';

const MALE = `
aaron abdullah abdul adam adrian ahmad ahmed akira alan alberto aleksandr aleksander aleksei alexei alexey alex
alexander alexandre ali alistair amir anatoly andrea andrei andrej andrés andres andrew andrzej angelo anthony
antonio antony anton ari arkady armen arthur arturo ashot august bashar ben benjamin bernard bernd bill binali
bjorn björn bob bogdan boris boyko brian bruno carl carlos charles chris christian christopher claude colin dan
daniel danny david dennis denis dieter dimitri dmitry dmitri donald doug douglas duncan edward edgar edgars
ehud emmanuel emre enrique eric erik ernst esteban evgeny fabio faisal farid felipe fernando filip florian francesco
francis francisco frank franz frederic frédéric friedrich fyodor gabriel gary geert george georgy gerhard giorgi
giorgos giuseppe gleb gordon greg gregory guillaume günter gunter hakan hamid hans harald harry hasan hassan heinz
helmut henri henry herbert hiroshi hugo hussein ian ibrahim igor ilham ilya imran isaac ismail ivan jack jacob
jacques jaime jake james jan jason javier jean jeff jeffrey jens jeremy jerome jim joachim joe johan johannes john
jon jonathan jorge josé jose josef joseph juan jürg jurg jürgen jurgen justin kamal karim karl keir kemal kenneth
kevin khalid kim_m klaus konstantin kurt lars laurent lee_m leon leonid liam lloyd lorenzo louis luca lucas ludwig
luis luka lukas luke mahmoud manuel marat marc marco marcus mario mark markus martin mateusz matteo matthew matthias
maurice max maxim maxime mehmet mevlut mevlüt michael michel miguel mikhail mike mohamed mohammad mohammed muhammad
murat mustafa naftali nathan neil nicholas nick nicola nicolas nikita nikol nikolai nikolay nino_m nizar oleg olaf
oliver omar orhan oscar pablo paolo pascal patrick paul pavel pedro peter petr philip philippe pierre piotr rafael
ramzan raul raúl recep reza ricardo richard rishi robert roberto robin_m rodrigo roger roman ronald rustam ryan
saad said salman sami samuel scott sebastian sebastián selim serge sergei sergey sergio seyed simon stanislav stefan
stephen steve steven sultan sven tadeusz taras tariq thomas tim timothy tobias todd tom tomas tomás tony umut uwe
valentin valery vasily vasili vasiliy viktor victor vincent vitaly vladimir vladislav volodymyr walter werner
wilhelm william wolfgang xavier yakov yaroslav yasser yevgeny yousef youssef yuri yury zbigniew zoran mikko juha matti antti jukka pekka timo henrik janne sauli lauri
kestutis gitanas levan davit irakli zurab giorgi tornike bolat nursultan kassym-jomart askar yerlan
tomasz paweł pawel krzysztof jakub marek jarosław andrzej dragan aleksandar milan goran luka nikola ivica
hikmet jeyhun elmar ararat nikol serzh armen vahe vladimir dmitry péter peter viktor zoltán gergely
joël joel jean-baptiste jean-pierre jean-luc jean-marc jean-claude kostas nikos alexis giannis yannis
mingma pemba dorje kemal ergun ahmet hulusi ömer omer ibrahim fahrettin`;

const FEMALE = `
agnieszka aisha alexandra alice alina alla amanda amelia amy ana anastasia andrea_f angela angelika anita ann anna
anne annalena annegret antonia ayse ayşe barbara beata beatrix birgit brigitte carla carmen caroline catherine
cecilia charlotte christina christine claire clara claudia cristina daria deborah diana dilma dominika dorothea elena
elisabeth elizabeth ella elvira emilia emily emma erika eva evgenia fatima fatma francesca gabriela galina gisela
giorgia grace hanna hannah heather heidi helen helena hillary ingrid irene irina isabel isabella jacinda jane janet
jennifer jessica joanna johanna julia julie justyna kamala karin karina katarina katharina kate katherine kathleen
katja katrin kristina kristin laura lea lena linda lisa liz lucia ludmila lyudmila magdalena maia maria marie marina
marine marta martha mary maya melania melanie mia michelle monika nadia nadezhda nancy natalia natalya natasha nathalie
nicola_f nina_f nino olga olena oksana patricia paula petra rachel rebecca renate rosa ruth sabine sahra sandra sara
sarah silvia simone sofia sophie stephanie susan susanne svetlana tamara tatiana tatyana teresa theresa tsai_f ulrike
ursula valentina valeria vera veronika victoria viktoria yelena yulia zehra zeynep zoe zoë zuzana aino aila liisa sanna marja tuula päivi paivi kaja kersti ruta rūta ingrida
sofie milica jelena ivana marija dragana shushan anahit lilit gohar tsovinar mariam tamta salome
salomé ana-maria ioana alina dorota ewa malgorzata małgorzata katarzyna urszula aleksandra
grace wanjiru akinyi zoë ursula annalena ilona jean_f`;

const TABLE: ReadonlyMap<string, Gender | null> = build();

function build(): Map<string, Gender | null> {
  const table = new Map<string, Gender | null>();
  // A suffix marks a name also used for the other gender ("andrea" for men in Italy, "andrea_f" for women
  // elsewhere): it stays unknown, whichever list holds it without the suffix.
  const shared = new Set<string>();
  const add = (list: string, gender: Gender) => {
    for (const raw of list.split(/\s+/)) {
      if (!raw) continue;
      if (raw.includes('_')) shared.add(raw.slice(0, raw.indexOf('_')));
      else table.set(raw, gender);
    }
  };
  add(MALE, 'male');
  add(FEMALE, 'female');
  for (const name of shared) table.set(name, null);
  return table;
}

/** The usual gender of a given name ("Sergei" -> male), or null when unknown or shared. */
export function givenNameGender(word: string): Gender | null {
  return TABLE.get(lowerCase(word)) ?? null;
}

/** True when `word` is a known given name of either gender. */
export function isGivenName(word: string): boolean {
  return TABLE.has(lowerCase(word));
}

// The portal's own data. These are example records to show the composition, not CityNet
// facts: a real portal serves its own register of tourist offices.
export interface TouristOffice {
  townSlug: string;
  name: string;
  website: string | null;
}

export const OFFICES: TouristOffice[] = [
  { townSlug: "opava", name: "Example tourist office of Opava", website: null },
  { townSlug: "montefranco", name: "Example tourist office of Montefranco", website: null },
];
